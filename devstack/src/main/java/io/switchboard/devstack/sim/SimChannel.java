package io.switchboard.devstack.sim;

/** The five channels, named as the contracts name them (the simulator reads topics as JSON). */
enum SimChannel {
  EMAIL,
  WEB_FORM,
  CHAT,
  PHONE,
  TELEGRAM
}
