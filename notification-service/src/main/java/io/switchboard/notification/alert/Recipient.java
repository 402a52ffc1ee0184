package io.switchboard.notification.alert;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.switchboard.contracts.DeliveryMedium;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;

/** An operator or supervisor who receives alerts, and how. */
@Entity
@Table(name = "alert_recipient")
public class Recipient extends PanacheEntityBase {
  @Id
  @Column(name = "operator_id")
  public String operatorId;

  public String name;

  @Enumerated(EnumType.STRING)
  public DeliveryMedium medium;

  /** Personal data: never logged. */
  public String address;

  @Column(name = "supervisor_id")
  public String supervisorId;

  @Column(name = "time_zone")
  public String timeZone;

  /** Comma-separated {@link DayOfWeek} names; empty for nobody who keeps hours. */
  @Column(name = "work_days")
  public String workDays;

  @Column(name = "work_start")
  public LocalTime workStart;

  @Column(name = "work_end")
  public LocalTime workEnd;

  public WorkingHours hours() {
    return new WorkingHours(
        Arrays.stream(workDays.split(","))
            .map(String::strip)
            .filter(day -> !day.isEmpty())
            .map(DayOfWeek::valueOf)
            .collect(Collectors.toSet()),
        workStart,
        workEnd,
        ZoneId.of(timeZone));
  }
}
