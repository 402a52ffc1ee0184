-- wrk script of ./bench.sh: web-form inquiries, each with its own Idempotency-Key and its own
-- customer address (the loop guard suppresses a fourth acknowledgement per address in 10 minutes),
-- Russian and English as the local run's customers write them.
--
-- The driver (io.switchboard.devstack.bench) fills in the constants below. With a rate, the send
-- times follow a fixed schedule per wrk thread (open loop): delay() hands every request the next
-- slot, whichever connection is free, so a slow response does not slow the offered rate down as
-- long as a connection is free. A slot that finds no free connection is sent late; late sends are
-- counted (the offered rate then falls short, which the report shows). Without a rate there is no
-- delay() at all: a closed loop, each connection sending again as soon as it has its answer.

local RATE = __RATE__          -- requests per second over all threads; 0: closed loop
local THREADS = __THREADS__
local PREFIX = "__PREFIX__"    -- lower case: ingest may fold the address's case
local API_KEY = "__API_KEY__"

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *tp);
]]
local timespec = ffi.new("bench_timespec")
local CLOCK_MONOTONIC = 1

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

-- Main state: one entry per thread, read back in done().
local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

-- Thread state. Globals, so that done() can read them with thread:get().
sent, accepted, limited, unavailable, other, late, max_late = 0, 0, 0, 0, 0, 0, 0
local counter = 0
local interval = 0
local next_slot = nil

local people = {
  { "Анна Смирнова", "anna.smirnova", "ru" }, { "Пётр Иванов", "petr.ivanov", "ru" },
  { "Мария Кузнецова", "maria.kuznetsova", "ru" }, { "Дмитрий Соколов", "dmitry.sokolov", "ru" },
  { "Елена Попова", "elena.popova", "ru" }, { "Сергей Васильев", "sergey.vasiliev", "ru" },
  { "Ольга Новикова", "olga.novikova", "ru" }, { "Алексей Морозов", "alexey.morozov", "ru" },
  { "Наталья Волкова", "natalia.volkova", "ru" }, { "Иван Лебедев", "ivan.lebedev", "ru" },
  { "John Carter", "john.carter", "en" }, { "Emily Johnson", "emily.johnson", "en" },
  { "Michael Brown", "michael.brown", "en" }, { "Sarah Miller", "sarah.miller", "en" },
  { "David Wilson", "david.wilson", "en" }, { "Laura Davis", "laura.davis", "en" },
}

local domains = { "example.com", "example.org", "example.net" }

-- Subjects and texts as customers write them; several match the routing rules (billing,
-- delivery, technical, money lost), others none.
local texts = {
  ru = {
    { "Не проходит оплата", "Здравствуйте! Третий раз пытаюсь оплатить заказ картой на сайте, "
      .. "страница оплаты зависает, а потом пишет, что время сессии истекло. Карта рабочая, "
      .. "в других магазинах платит. Подскажите, что делать, заказ нужен к пятнице." },
    { "Списали деньги дважды", "Добрый день. Вчера оформил заказ, и с карты списали деньги "
      .. "два раза одной и той же суммой. В личном кабинете заказ один. Прошу вернуть "
      .. "лишнее списание как можно скорее." },
    { "Где моя посылка?", "Здравствуйте, заказ оформлен неделю назад, трек-номер не "
      .. "обновляется уже четыре дня. Курьер не звонил. Когда ждать доставку?" },
    { "Не работает личный кабинет", "После обновления приложения не могу войти в личный "
      .. "кабинет: пишет «ошибка авторизации», пароль сбрасывала дважды. Телефон Android 14." },
    { "Вопрос по договору", "Добрый день! Мы хотим перейти на годовой тариф для отдела из "
      .. "двадцати человек. Пришлите, пожалуйста, условия и образец договора." },
    { "Нужен счёт для бухгалтерии", "Здравствуйте, выставьте, пожалуйста, счёт на оплату "
      .. "на юрлицо, реквизиты приложу в ответном письме. Спасибо!" },
  },
  en = {
    { "Payment not going through", "Hello, I have tried three times to pay for my order by "
      .. "card, and the payment page keeps timing out. My card works elsewhere. Could you "
      .. "please help? I need the order by Friday." },
    { "Charged twice for one order", "Hi, I placed one order yesterday but my card was "
      .. "charged twice for the same amount. Please refund the duplicate charge." },
    { "Where is my parcel?", "Hello, my order shipped a week ago and the tracking number "
      .. "has not updated for four days. When will the delivery arrive?" },
    { "App not working after update", "Since the latest update the app shows an error on "
      .. "login and closes. I reset my password twice. Phone: Pixel 7, Android 14." },
    { "Question about an annual plan", "Good afternoon, we are considering the annual plan "
      .. "for a team of twenty. Could you send the terms and a sample contract?" },
  },
}

function init(args)
  if RATE > 0 then
    interval = 1000 * THREADS / RATE
  end
  math.randomseed(os.time() + 7919 * (id or 0))
end

function request()
  counter = counter + 1
  sent = sent + 1
  local key = string.format("%s-t%d-%d", PREFIX, id, counter)
  local person = people[math.random(#people)]
  local language = person[3]
  local text = texts[language][math.random(#texts[language])]
  local email = string.format("%s.%s@%s", person[2], key, domains[math.random(#domains)])
  local body = string.format('{"name":"%s","email":"%s","subject":"%s","text":"%s"}',
    person[1], email, text[1], text[2])
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Api-Key"] = API_KEY,
    ["Idempotency-Key"] = key,
  }
  return wrk.format("POST", "/inquiries", headers, body)
end

function response(status, headers, body)
  if status == 202 then
    accepted = accepted + 1
  elseif status == 429 then
    limited = limited + 1
  elseif status == 503 then
    unavailable = unavailable + 1
  else
    other = other + 1
    if other <= 3 then
      io.stderr:write(string.format("unexpected HTTP %d: %s\n", status, string.sub(body, 1, 300)))
    end
  end
end

if RATE > 0 then
  function delay()
    local now = now_ms()
    if next_slot == nil then
      next_slot = now
    end
    local slot = next_slot
    if slot < now then
      local behind = now - slot
      if behind > 10 then
        late = late + 1
      end
      if behind > max_late then
        max_late = behind
      end
      -- No catching up: a burst would hide the shortfall the report is to show.
      slot = now
    end
    next_slot = slot + interval
    return math.floor(slot - now + 0.5)
  end
end

function done(summary, latency, requests)
  local sum = { sent = 0, accepted = 0, limited = 0, unavailable = 0, other = 0, late = 0 }
  local worst = 0
  for _, thread in ipairs(threads) do
    for name, _ in pairs(sum) do
      sum[name] = sum[name] + thread:get(name)
    end
    worst = math.max(worst, thread:get("max_late"))
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH-RESULT requests=%d sent=%d duration_us=%d accepted=%d limited=%d unavailable=%d other=%d "
      .. "late=%d max_late_ms=%.1f connect_errors=%d read_errors=%d write_errors=%d "
      .. "status_errors=%d timeouts=%d p50_us=%d p99_us=%d p999_us=%d max_us=%d mean_us=%.1f\n",
    summary.requests, sum.sent, summary.duration, sum.accepted, sum.limited, sum.unavailable, sum.other,
    sum.late, worst, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
    latency.mean))
end
