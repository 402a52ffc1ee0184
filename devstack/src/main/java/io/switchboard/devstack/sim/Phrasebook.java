package io.switchboard.devstack.sim;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What customers and operators write, in Russian and English. Each matter carries the priority
 * routing's built-in rules give it (routing-service's priority-rules.yaml): the simulator's
 * expectation, reported beside what the system decided. Routine texts avoid the words of the
 * built-in "feedback-only" rule ("спасибо", "thanks"), which would make them P4.
 */
final class Phrasebook {
  /** What an inquiry is about, and the priority the built-in rules give it. */
  enum Matter {
    MONEY_LOST("P1"),
    OUTAGE("P2"),
    URGENT("P2"),
    DELIVERY("P3"),
    BILLING("P3"),
    ACCOUNT("P3"),
    PRAISE("P4");

    final String expectedPriority;

    Matter(String expectedPriority) {
      this.expectedPriority = expectedPriority;
    }

    boolean urgent() {
      return expectedPriority.equals("P1") || expectedPriority.equals("P2");
    }
  }

  /** A subject line and a body; {@code %s} is an order number. */
  record Text(String subject, String body) {
    Text with(String order) {
      return new Text(subject.formatted(order), body.formatted(order));
    }
  }

  private static final List<Text> RU_MONEY =
      List.of(
          new Text("Списали деньги дважды", "Здравствуйте! За заказ %s деньги списали два раза."),
          new Text(
              "Деньги списаны, заказа нет",
              "Списали деньги с карты, а заказ %s так и не оформлен. Верните, пожалуйста."),
          new Text(
              "Двойное списание",
              "У меня двойное списание по заказу %s, на карте минус две суммы."));
  private static final List<Text> EN_MONEY =
      List.of(
          new Text("Charged twice", "Hello, I was charged twice for order %s. Please refund one."),
          new Text("Double charge", "My card shows a double charge for order %s."));
  private static final List<Text> RU_OUTAGE =
      List.of(
          new Text("Не работает личный кабинет", "Личный кабинет не работает с утра, заказ %s."),
          new Text("Сайт недоступен", "Сайт недоступен, не могу оформить заказ %s."),
          new Text("Сбой при оплате", "При оплате заказа %s сбой, страница упала."));
  private static final List<Text> EN_OUTAGE =
      List.of(
          new Text("Checkout is down", "Your checkout is down, I cannot pay for order %s."),
          new Text("App not working", "The app is not working since this morning (order %s)."));
  private static final List<Text> RU_URGENT =
      List.of(
          new Text("Срочно: закрывающие документы", "Срочно нужны закрывающие документы по %s."),
          new Text("Срочный вопрос", "Срочно подскажите, можно ли изменить адрес в заказе %s?"));
  private static final List<Text> EN_URGENT =
      List.of(new Text("Urgent: address change", "Urgent: please change the address of %s."));
  private static final List<Text> RU_DELIVERY =
      List.of(
          new Text("Где мой заказ?", "Заказ %s должен был приехать вчера. Где курьер?"),
          new Text("Трек-номер", "Подскажите трек-номер для заказа %s, пожалуйста."),
          new Text("Доставка", "Можно перенести доставку заказа %s на субботу?"));
  private static final List<Text> EN_DELIVERY =
      List.of(
          new Text("Where is my parcel?", "My parcel for order %s has not arrived yet."),
          new Text("Delivery date", "Can the courier bring order %s on Saturday?"));
  private static final List<Text> RU_BILLING =
      List.of(
          new Text("Счёт для юрлица", "Пришлите, пожалуйста, счёт на оплату заказа %s для ООО."),
          new Text("Возврат", "Как оформить возврат денег за заказ %s?"));
  private static final List<Text> EN_BILLING =
      List.of(new Text("Invoice", "Please send me the invoice for order %s."));
  private static final List<Text> RU_ACCOUNT =
      List.of(
          new Text("Смена e-mail", "Как поменять адрес почты в профиле? Заказ %s."),
          new Text("Вопрос по гарантии", "Какая гарантия на товар из заказа %s?"));
  private static final List<Text> EN_ACCOUNT =
      List.of(new Text("Warranty", "What warranty comes with the product in order %s?"));
  private static final List<Text> RU_PRAISE =
      List.of(new Text("Спасибо", "Спасибо за быструю доставку заказа %s!"));
  private static final List<Text> EN_PRAISE =
      List.of(new Text("Thank you", "Thank you, order %s arrived in perfect condition."));

  private static final List<String> RU_NAMES =
      List.of(
          "Анна Петрова",
          "Иван Сидоров",
          "Ольга Смирнова",
          "Дмитрий Кузнецов",
          "Мария Волкова",
          "Сергей Морозов",
          "Елена Новикова",
          "Алексей Фёдоров",
          "Татьяна Лебедева",
          "Павел Соколов");
  private static final List<String> EN_NAMES =
      List.of("John Miller", "Emma Clark", "Oliver Brown", "Sophie Turner", "James Wilson");

  private Phrasebook() {}

  static Text text(Matter matter, boolean russian, RandomGenerator random, String order) {
    List<Text> texts =
        switch (matter) {
          case MONEY_LOST -> russian ? RU_MONEY : EN_MONEY;
          case OUTAGE -> russian ? RU_OUTAGE : EN_OUTAGE;
          case URGENT -> russian ? RU_URGENT : EN_URGENT;
          case DELIVERY -> russian ? RU_DELIVERY : EN_DELIVERY;
          case BILLING -> russian ? RU_BILLING : EN_BILLING;
          case ACCOUNT -> russian ? RU_ACCOUNT : EN_ACCOUNT;
          case PRAISE -> russian ? RU_PRAISE : EN_PRAISE;
        };
    return texts.get(random.nextInt(texts.size())).with(order);
  }

  static String name(boolean russian, RandomGenerator random) {
    List<String> names = russian ? RU_NAMES : EN_NAMES;
    return names.get(random.nextInt(names.size()));
  }

  /** The customer asks again before anybody answered. */
  static String nudge(boolean russian) {
    return russian
        ? "Есть новости по моему обращению? Жду ответа."
        : "Any news on my request? I am still waiting.";
  }

  /** The customer sends the details the operator asked for. */
  static String details(boolean russian, String order) {
    return russian
        ? "Номер заказа " + order + ", оплачивал картой, чек во вложении не получился, вот данные."
        : "The order number is " + order + ", paid by card; here are the details you asked for.";
  }

  /** The operator's answer; {@code askDetails} asks the customer for more. */
  static String answer(boolean russian, String operatorName, boolean askDetails) {
    if (askDetails) {
      return russian
          ? "Здравствуйте! Уточните, пожалуйста, номер заказа и способ оплаты. " + operatorName
          : "Hello! Could you tell me the order number and how you paid? " + operatorName;
    }
    return russian
        ? "Здравствуйте! Проверили и всё исправили, подробности в письме. " + operatorName
        : "Hello! We checked and fixed it; the details are below. " + operatorName;
  }

  /** What a voicemail's transcript says. */
  static String voicemail(boolean russian) {
    return russian
        ? "Перезвоните мне, пожалуйста, по поводу заказа."
        : "Please call me back about my order.";
  }
}
