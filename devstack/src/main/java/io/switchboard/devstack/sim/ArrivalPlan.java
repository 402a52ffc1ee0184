package io.switchboard.devstack.sim;

import io.switchboard.devstack.sim.Phrasebook.Matter;
import io.switchboard.devstack.sim.PlannedArrival.Kind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The day's arrivals, drawn before it starts from the seed: a Poisson process whose rate follows
 * {@link DayShape} (thinning against the peak rate), channels, matters and languages in the shares
 * a support team sees, and some customers coming back on another channel. Pure.
 */
final class ArrivalPlan {
  private static final SimChannel[] CHANNELS = SimChannel.values();
  private static final double[] CHANNEL_SHARE = {0.30, 0.25, 0.25, 0.10, 0.10};
  private static final Matter[] MATTERS = Matter.values();
  private static final double[] MATTER_SHARE = {0.08, 0.10, 0.07, 0.30, 0.17, 0.20, 0.08};
  private static final double RUSSIAN = 0.8;
  private static final double RETURNING = 0.12;

  /** Of every 8 e-mails from new senders, the 4th is an auto-reply, the 8th a newsletter. */
  private static final int AUTOMATIC_CYCLE = 8;

  /** Of every 25 customers with an e-mail, the 4th mistyped it: mail to them bounces. */
  private static final int BAD_ADDRESS_CYCLE = 25;

  private static final double VOICEMAIL = 0.2;

  private ArrivalPlan() {}

  static List<PlannedArrival> draw(
      LocalDateTime start, double hours, double peakPerHour, long seed, String run) {
    SplittableRandom random = new SplittableRandom(seed);
    LocalDateTime end = start.plusSeconds((long) (hours * 3600));
    List<PlannedArrival> arrivals = new ArrayList<>();
    List<SimCustomer> customers = new ArrayList<>();
    List<SimChannel> lastChannel = new ArrayList<>();
    int customerCount = 0;
    int withEmail = 0;
    int newMail = 0;
    LocalDateTime at = start;
    while (true) {
      double gapHours = -Math.log(1 - random.nextDouble()) / peakPerHour;
      at = at.plusNanos((long) (gapHours * 3_600_000_000_000L));
      if (!at.isBefore(end)) {
        return List.copyOf(arrivals);
      }
      if (random.nextDouble() >= DayShape.factor(at.getDayOfWeek(), at.getHour())) {
        continue;
      }
      int seq = arrivals.size() + 1;
      SimChannel channel = pick(CHANNELS, CHANNEL_SHARE, random);
      SimCustomer customer;
      boolean returning = !customers.isEmpty() && random.nextDouble() < RETURNING;
      if (returning) {
        int index = random.nextInt(customers.size());
        customer = customers.get(index);
        channel = anotherChannel(lastChannel.get(index), customer, random);
        lastChannel.set(index, channel);
      } else {
        boolean russian = random.nextDouble() < RUSSIAN;
        // A form may leave the e-mail out; a missed call and Telegram know no address.
        boolean email =
            switch (channel) {
              case EMAIL -> true;
              case WEB_FORM -> random.nextDouble() < 0.85;
              case CHAT -> random.nextDouble() < 0.5;
              case PHONE, TELEGRAM -> false;
            };
        boolean bad = email && withEmail++ % BAD_ADDRESS_CYCLE == 3;
        customer =
            SimCustomer.create(
                ++customerCount, Phrasebook.name(russian, random), russian, run, email, bad);
        customers.add(customer);
        lastChannel.add(channel);
      }
      Kind kind = kind(channel, random);
      if (channel == SimChannel.EMAIL && !returning) {
        int k = newMail++ % AUTOMATIC_CYCLE;
        kind = k == 3 ? Kind.AUTO_REPLY : k == 7 ? Kind.NEWSLETTER : kind;
      }
      if (kind.automatic()) {
        // A mail robot is nobody who comes back on another channel.
        customers.removeLast();
        lastChannel.removeLast();
      }
      Matter matter = pick(MATTERS, MATTER_SHARE, random);
      String order = String.format("%d-%05d", 40 + random.nextInt(60), random.nextInt(100_000));
      arrivals.add(
          new PlannedArrival(
              seq,
              at,
              channel,
              kind,
              matter,
              customer,
              returning,
              Phrasebook.text(matter, customer.russian(), random, order),
              order));
    }
  }

  private static Kind kind(SimChannel channel, SplittableRandom random) {
    if (channel == SimChannel.PHONE) {
      return random.nextDouble() < VOICEMAIL ? Kind.VOICEMAIL : Kind.MISSED_CALL;
    }
    return Kind.MESSAGE;
  }

  /**
   * A returning customer writes on a channel that knows who they are: their e-mail (web form,
   * e-mail, chat) or their phone number (a call, a web form with only the phone).
   */
  private static SimChannel anotherChannel(
      SimChannel before, SimCustomer customer, SplittableRandom random) {
    List<SimChannel> choices = new ArrayList<>(List.of(SimChannel.WEB_FORM, SimChannel.PHONE));
    if (customer.email() != null) {
      choices.addAll(List.of(SimChannel.EMAIL, SimChannel.CHAT));
    }
    choices.remove(before);
    return choices.get(random.nextInt(choices.size()));
  }

  private static <T> T pick(T[] values, double[] shares, SplittableRandom random) {
    double point = random.nextDouble();
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += shares[i];
      if (point < sum) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
