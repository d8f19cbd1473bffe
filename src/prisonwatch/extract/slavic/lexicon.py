"""Russian and Belarusian event triggers and cue words as declared data, each with examples."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    """A word pattern that proposes an event, with an invented positive and negative example."""

    name: str
    type: str  # one of the EVAL.md event types
    langs: str  # "ru", "be" or "ru be"
    pattern: str  # regex over one lower-cased word (ё written е)
    weight: float  # how strongly the word alone states the event
    positive: str  # an invented sentence that states the event
    negative: str  # an invented sentence with the word that states no such event
    needs: str = ""  # regex that must match a word within five words after (or before) it
    people: bool = False  # about people only when a person, count or people word is near
    after: bool = False  # ``needs`` is looked for only after the word (a term follows its verb)

    def matches(self, word: str) -> bool:
        """Return True when ``word`` is a form of this trigger."""
        return _compiled(self.pattern).fullmatch(word) is not None


_CACHE: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    if pattern not in _CACHE:
        _CACHE[pattern] = re.compile(pattern)
    return _CACHE[pattern]


TRIGGERS: tuple[Trigger, ...] = (
    Trigger(
        "освободить",
        "release",
        "ru",
        r"освобо[дж]\w*|освобожд\w*",
        0.8,
        "Вчера власти освободили трех журналистов.",
        "Адвокаты требуют не освобождать помещение суда, а перенести заседание.",
    ),
    Trigger(
        "выйти на свободу",
        "release",
        "ru",
        r"выш(?:ел|ла|ли)",
        0.75,
        "Активистка вышла на свободу после двух лет заключения.",
        "Он вышел из здания суда и сел в машину.",
        needs=r"свобод\w*|волю",
    ),
    Trigger(
        "вызваліць",
        "release",
        "be",
        r"вызвал\w*",
        0.8,
        "Улады вызвалілі трох журналістаў.",
        "Яго не вызвалілі, бо ён адмовіўся пісаць прашэнне.",
    ),
    Trigger(
        "выйсці на волю",
        "release",
        "be",
        r"выйш(?:аў|ла|лі)",
        0.75,
        "Палітвязень выйшаў на волю пасля трох гадоў.",
        "Ён выйшаў з дому а сёмай раніцы.",
        needs=r"вол\w*|свабод\w*",
    ),
    Trigger(
        "выпустить на свободу",
        "release",
        "ru",
        r"выпущ[её]н\w*|выпустил\w*",
        0.7,
        "Журналиста выпустили из СИЗО под вечер.",
        "Завод выпустил новую модель трактора.",
        needs=r"свобод\w*|волю|сизо|колони\w*|тюрьм\w*|изолятор\w*|заключени\w*|из-под",
    ),
    Trigger(
        "выпусціць на волю",
        "release",
        "be",
        r"выпушчан\w*|выпусціл\w*",
        0.7,
        "Журналіста выпусцілі з СІЗА пад вечар.",
        "Завод выпусціў новую мадэль трактара.",
        needs=r"вол\w*|свабод\w*|сіза|калоні\w*|калёні\w*|турм\w*|ізалятар\w*|зняволен\w*",
    ),
    Trigger(
        "помиловать",
        "pardon",
        "ru",
        r"помилов\w*",
        0.85,
        "Президент помиловал двенадцать осужденных.",
        "Правозащитники надеются, что глава государства помилует узников.",
    ),
    Trigger(
        "памілаваць",
        "pardon",
        "be",
        r"памілав\w*",
        0.85,
        "Кіраўнік дзяржавы памілаваў дванаццаць асуджаных.",
        "Праваабаронцы спадзяюцца, што ён памілуе вязняў.",
    ),
    Trigger(
        "задержать",
        "arrest",
        "ru",
        r"задерж(?:ал|ан|ани|ива)\w*",
        0.75,
        "В Гомеле задержали блогера и его жену.",
        "Рейс задержали на два часа из-за погоды.",
        people=True,
    ),
    Trigger(
        "арестовать",
        "arrest",
        "ru",
        r"арестова(?:л|н)\w*",
        0.75,
        "Полиция арестовала двух студентов за пикет.",
        "Суд арестовал счета компании.",
        people=True,
    ),
    Trigger(
        "заключить под стражу",
        "arrest",
        "ru",
        r"заключ[её]н\w*|взят\w*|взял[иа]?|помещ[её]н\w*",
        0.7,
        "Журналист заключен под стражу на два месяца.",
        "Договор заключен между двумя компаниями.",
        needs=r"стражу",
    ),
    Trigger(
        "узяць пад варту",
        "arrest",
        "be",
        r"[уў]зят\w*|[уў]зял(?:і|а|ў)|заключан\w*|змешчан\w*",
        0.7,
        "Журналіста ўзялі пад варту на два месяцы.",
        "Дагавор заключаны паміж дзвюма кампаніямі.",
        needs=r"варту",
    ),
    Trigger(
        "затрымаць",
        "arrest",
        "be",
        r"затрыма(?:л|н)\w*",
        0.75,
        "У Гомелі затрымалі блогера і яго жонку.",
        "Рэйс затрымалі на дзве гадзіны праз надвор'е.",
        people=True,
    ),
    Trigger(
        "арыштаваць",
        "arrest",
        "be",
        r"арышт(?:ава|аван)\w*",
        0.75,
        "Міліцыя арыштавала двух студэнтаў за пікет.",
        "Суд арыштаваў рахункі кампаніі.",
        people=True,
    ),
    Trigger(
        "приговорить",
        "sentence",
        "ru",
        r"пригов[оа]р(?:ил|ен|[её]н)\w*",
        0.85,
        "Суд приговорил активиста к трем годам колонии.",
        "Прокурор просил приговорить активиста к трем годам колонии.",
    ),
    Trigger(
        "вынести приговор",
        "sentence",
        "ru",
        r"вын[её]с\w*",
        0.8,
        "Суд вынес приговор блогеру из Бреста.",
        "Он вынес мусор и вернулся домой.",
        needs=r"приговор\w*",
    ),
    Trigger(
        "осудить",
        "sentence",
        "ru",
        r"осу(?:дил|жд[её]н)\w*",
        0.75,
        "Студентку осудили на два года колонии.",
        "Министр осудил заявление соседней страны.",
        needs=r"\d+\w*|год\w*|лет|колони\w*|лишени\w*|срок\w*|заключени\w*|штраф\w*|"
        r"один|два|две|тр\w+|четыр\w+|пят\w+|шест\w+|сем\w+|восьм\w+|девят\w+|десят\w+",
        after=True,
    ),
    Trigger(
        "прысудзіць",
        "sentence",
        "be",
        r"прысуд\w*",
        0.8,
        "Суд прысудзіў актывісту тры гады калоніі.",
        "Пракурор запатрабаваў прысуду і сышоў.",
        needs=r"\d+\w*|гад\w*|калон\w*|калён\w*|хімі\w*|абвясці\w*|вынес\w*|зняволен\w*|"
        r"пазбаўлен\w*|тэрмін\w*",
    ),
    Trigger(
        "асудзіць",
        "sentence",
        "be",
        r"асу(?:дзі|джан|джа)\w*",
        0.75,
        "Студэнтку асудзілі на два гады калоніі.",
        "Міністр асудзіў заяву суседняй краіны.",
        needs=r"\d+\w*|гад\w*|калон\w*|калён\w*|хімі\w*|пазбаўлен\w*|тэрмін\w*|штраф\w*|"
        r"адзін|два|дзве|тр\w+|чатыр\w+|пяц\w+|шэсц\w+|сем\w*|восем\w*|дзевяц\w+",
        after=True,
    ),
    Trigger(
        "вывезти",
        "transfer",
        "ru",
        r"вывез(?:ли|ен|л[аи]?)\w*",
        0.7,
        "Освобожденных вывезли в Литву на автобусе.",
        "Фермер вывез урожай на рынок.",
        needs=r"(?:в|во)",
        people=True,
    ),
    Trigger(
        "экстрадировать",
        "transfer",
        "ru",
        r"экстрадир\w*|экстрадици\w*|передал\w*|передан\w*",
        0.6,
        "Активиста экстрадировали в Беларусь.",
        "Паспорт ему выдали в консульстве.",
        needs=r"(?:в|во|властям|стороне)",
        people=True,
    ),
    Trigger(
        "вывезці",
        "transfer",
        "be",
        r"вывез\w*|прывез\w*|перадал\w*|перададзен\w*|экстрадыр\w*|экстрадыц\w*",
        0.7,
        "Вызваленых вывезлі ў Літву на аўтобусе.",
        "Фермер вывез бульбу і моркву на кірмаш.",
        needs=r"(?:у|ў|ва)",
        people=True,
    ),
    Trigger(
        "депортировать",
        "deportation",
        "ru",
        r"депорт\w*|высла(?:л|н)\w*|выдвор\w*",
        0.8,
        "Журналиста депортировали из страны.",
        "Он выслал письмо в редакцию.",
        people=True,
    ),
    Trigger(
        "дэпартаваць",
        "deportation",
        "be",
        r"дэпарт\w*|выслал\w*|высла(?:н|ны)\w*|выдвар\w*",
        0.8,
        "Журналіста дэпартавалі з краіны.",
        "Ён выслаў ліст у рэдакцыю.",
        people=True,
    ),
    Trigger(
        "умереть в заключении",
        "death_in_custody",
        "ru",
        r"умер(?:ла|ли)?|скончал\w*|погиб\w*|смерть|смерти|гибел\w*",
        0.8,
        "Политзаключенный умер в колонии в Новополоцке.",
        "Его отец умер в больнице в прошлом году.",
        needs=r"колони\w*|тюрьм\w*|тюрем\w*|сизо|изолятор\w*|заключени\w*|стражей|"
        r"камер\w*|исправительн\w*|этап\w*",
    ),
    Trigger(
        "памерці ў зняволенні",
        "death_in_custody",
        "be",
        r"памер(?:ла|лі)?|пам[её]р|скончыў\w*|скончыл\w*|загінул?\w*|смерць|смерці|гібел\w*",
        0.8,
        "Палітвязень памёр у калоніі ў Наваполацку.",
        "Яго бацька памёр у бальніцы летась.",
        needs=r"калоні\w*|калёні\w*|турм\w*|турэм\w*|сізо|ізалятар\w*|зняволен\w*|вартай|"
        r"камер\w*|выпраўлен\w*|этап\w*",
    ),
    Trigger(
        "снять санкции",
        "sanctions_lifted",
        "ru",
        r"сня(?:л|т|ти)\w*|отмен\w*|смягч\w*|ослаб\w*|исключ\w*",
        0.75,
        "Вашингтон снял санкции с национального перевозчика.",
        "Власти отменили концерт из-за дождя.",
        needs=r"санкц\w*",
    ),
    Trigger(
        "зняць санкцыі",
        "sanctions_lifted",
        "be",
        r"зня(?:ў|л|т|ц)\w*|адмен\w*|змякч\w*|аслаб\w*|выключ\w*",
        0.75,
        "Вашынгтон зняў санкцыі з нацыянальнага перавозчыка.",
        "Улады адмянілі канцэрт праз дождж.",
        needs=r"санкц\w*",
    ),
    Trigger(
        "ввести санкции",
        "sanctions_imposed",
        "ru",
        r"ввел\w*|ввели|введ\w*|ввод\w*|налож\w*|расшир\w*",
        0.75,
        "Евросоюз ввел санкции против двенадцати судей.",
        "Магазин ввел скидки для пенсионеров.",
        needs=r"санкц\w*|ограничени\w*",
    ),
    Trigger(
        "увесці санкцыі",
        "sanctions_imposed",
        "be",
        r"уве[ўл]\w*|увял\w*|уведз\w*|увод\w*|накла\w*|пашыр\w*",
        0.75,
        "Еўрасаюз увёў санкцыі супраць дванаццаці суддзяў.",
        "Крама ўвяла зніжкі для пенсіянераў.",
        needs=r"санкц\w*|абмежаван\w*",
    ),
    Trigger(
        "переговоры",
        "negotiation",
        "ru",
        r"переговор\w*|договор[её]нност\w*|встреч\w*|встретил\w*",
        0.6,
        "Посланник провел переговоры с президентом об освобождении узников.",
        "Футбольный клуб договорился о продаже игрока.",
        needs=r"",
    ),
    Trigger(
        "перамовы",
        "negotiation",
        "be",
        r"перамов\w*|дамоўленас\w*|сустрэч\w*|сустрэў\w*",
        0.6,
        "Пасланнік правёў перамовы з прэзідэнтам пра вызваленне вязняў.",
        "Футбольны клуб дамовіўся пра продаж гульца.",
        needs=r"",
    ),
    Trigger(
        "отпустить",
        "release",
        "ru",
        r"отпущ[её]н\w*|отпустил\w*",
        0.7,
        "Задержанных активистов отпустили домой вечером.",
        "Рыбак отпустил щуку обратно в реку.",
        people=True,
    ),
    Trigger(
        "адпусціць",
        "release",
        "be",
        r"адпушчан\w*|адпусціл\w*|адпусцілі",
        0.7,
        "Затрыманых актывістаў адпусцілі дадому ўвечары.",
        "Рыбак адпусціў шчупака назад у раку.",
        people=True,
    ),
    Trigger(
        "получить срок",
        "sentence",
        "ru",
        r"получил\w*",
        0.7,
        "Блогер Иван Петров получил пять лет колонии.",
        "Блогер Иван Петров получил письмо от матери.",
        needs=r"лет|года|год|колони\w*|заключени\w*|лишени\w*|срок\w*",
        after=True,
    ),
    Trigger(
        "атрымаць тэрмін",
        "sentence",
        "be",
        r"атрымал\w*|атрымаў",
        0.7,
        "Блогер Іван Пятроў атрымаў пяць гадоў калоніі.",
        "Блогер Іван Пятроў атрымаў ліст ад маці і прачытаў яго.",
        needs=r"гадоў|гады|год|калоні\w*|калёні\w*|зняволен\w*|пазбаўлен\w*|тэрмін\w*",
        after=True,
    ),
    Trigger(
        "выдворить за границу",
        "deportation",
        "ru",
        r"вывез\w*|выдвор\w*|выслал\w*|выслан\w*",
        0.75,
        "Освобожденных вывезли за границу ночью.",
        "Мусор вывезли за город на свалку.",
        needs=r"границу|границ\w*|пределы",
        people=True,
    ),
    Trigger(
        "вывезці за мяжу",
        "deportation",
        "be",
        r"вывез\w*|выдвар\w*|выслал\w*",
        0.75,
        "Вызваленых вывезлі за мяжу ноччу.",
        "Смецце вывезлі за горад на звалку.",
        needs=r"мяжу|межы|мяжой",
        people=True,
    ),
    Trigger(
        "доставить",
        "transfer",
        "ru",
        r"доставлен\w*|доставил\w*",
        0.65,
        "Освобожденных доставили в Вильнюс на автобусе.",
        "Посылку доставили в Вильнюс на автобусе.",
        needs=r"(?:в|во)",
        people=True,
    ),
    Trigger(
        "внести в санкционный список",
        "sanctions_imposed",
        "ru",
        r"внес\w*|внесен\w*|включ\w*",
        0.7,
        "Евросоюз внес в санкционный список двенадцать судей.",
        "Депутаты внесли поправки в бюджет.",
        needs=r"санкц\w*",
    ),
    Trigger(
        "унесці ў санкцыйны спіс",
        "sanctions_imposed",
        "be",
        r"[уў]нес\w*|[уў]нёс|[уў]ключ\w*",
        0.7,
        "Еўрасаюз унёс у санкцыйны спіс дванаццаць суддзяў.",
        "Дэпутаты ўнеслі папраўкі ў бюджэт.",
        needs=r"санкц\w*",
    ),
    Trigger(
        "договориться об обмене",
        "negotiation",
        "ru",
        r"договорил\w*|договаривают\w*",
        0.6,
        "Стороны договорились об обмене заключенными.",
        "Соседи договорились о ремонте крыши.",
        needs=r"обмен\w*|освобо\w*|политзаключ\w*|узник\w*|пленн\w*",
    ),
    Trigger(
        "дамовіцца пра абмен",
        "negotiation",
        "be",
        r"дамовіл\w*|дамаўляюцца",
        0.6,
        "Бакі дамовіліся пра абмен вязнямі.",
        "Суседзі дамовіліся пра рамонт даху.",
        needs=r"абмен\w*|вызвал\w*|палітвязн\w*|вязн\w*|палонн\w*",
    ),
)


@dataclass(frozen=True)
class Form:
    """Belarusian trigger endings that tell a verb form (no morphology reads Belarusian)."""

    feature: str  # the shared feature the form sets: "passive" (and past) or "past"
    endings: tuple[str, ...]
    positive: str  # an invented trigger word in this form
    negative: str  # an invented trigger word of the same verb in another form


# Russian forms come from pymorphy3 (VERB past, PRTS); these stand in for Belarusian. Oblique
# participles ("вызваленых") are read first as descriptions, so they never reach this table.
BE_FORMS: tuple[Form, ...] = (
    Form(
        "passive",
        ("ены", "ена", "ана", "аны", "аная", "аныя", "еныя", "ятыя", "ыты", "ыта"),
        "затрыманы",
        "затрымліваюць",
    ),
    Form("past", ("лі", "ла", "ў", "ліся", "лася", "ўся"), "памілаваў", "памілуе"),
)


def be_form(word: str) -> str | None:
    """Return the shared feature a Belarusian trigger word's ending sets, or None."""
    return next((f.feature for f in BE_FORMS if word.endswith(f.endings)), None)


# Words in the three before a trigger that make it unreal: future, wishes, demands, negation.
UNREAL_BEFORE = frozenset(
    [
        "не",
        "ни",
        "будет",
        "будут",
        "может",
        "могут",
        "могли",
        "можа",
        "могуць",
        "мог",
        "могла",
        "планирует",
        "планируют",
        "намерен",
        "намерены",
        "хочет",
        "хотят",
        "готов",
        "готовы",
        "должен",
        "должны",
        "просил",
        "просила",
        "просили",
        "требуют",
        "требует",
        "потребовал",
        "призвал",
        "призывают",
        "плануе",
        "плануюць",
        "хоча",
        "хочуць",
        "гатовы",
        "павінны",
        "павінен",
        "прасіў",
        "прасіла",
        "патрабуюць",
        "заклікалі",
        "будзе",
        "будуць",
        "чтобы",
        "каб",
        "если",
        "калі",
        "бы",
        "б",
    ]
)
# Petitions and demands that govern a nominal trigger: "прошение о помиловании", "патрабаванне
# вызвалення" ask for an event, they do not state one (EVAL.md rule 3).
REQUEST_NOUNS = re.compile(
    r"прошени\w*|ходатайств\w*|просьб\w*|требовани\w*|призыв\w*|"
    r"прашэнн\w*|хадайніцтв\w*|патрабаванн\w*|заклік\w*"
)
# "Заявление"/"заява" is an application only before a pardon ("заява аб памілаванні"); before
# a release it is as often a statement about one ("у заяве аб вызваленні ...").
PARDON_APPLICATIONS = re.compile(r"заявлени\w*|заяв(?:а|у|ы|е|ай)")
# Prepositions that make a nominal trigger the ground of another happening: "покинули колонию по
# помилованию", "адпушчаны па памілаванні" name the pardon the people left under (one the text
# may tell elsewhere), not a new one; "по указу о помиловании" with the decree between.
GROUND_PREPOSITIONS = frozenset(["по", "па"])
# Openings of a sentence that names some of the people of the event told just before it.
AMONG_OPENINGS: tuple[str, ...] = (
    "среди них", "среди которых", "среди освобожденных", "среди помилованных", "в их числе",
    "в том числе", "сярод іх", "сярод якіх", "сярод вызваленых", "у іх ліку", "у тым ліку",
)  # fmt: skip
# A sentence opening with these tells more of a group whose total the text gave before.
PART_OPENINGS = frozenset(["еще", "яшчэ", "также", "таксама"])
_BACKGROUND_WORDS = (
    "ранее раньше прежде тогда раней перад тым летом зимой весной осенью "
    "напомним нагадаем раней летась"
)
# Words that open a sentence recounting earlier events: the event is background.
BACKGROUND_CUES = frozenset(_BACKGROUND_WORDS.split())
# Nominal forms of a trigger: they state an event more weakly than a finite verb.
NOMINAL_SUFFIXES = ("ние", "ния", "нии", "ние", "нне", "ння", "нні", "ннем", "нием", "ие", "ия")
# Words that turn a sentence into a statistic or a running total, never an event.
STATISTIC_CUES = frozenset(["всего", "агулам", "общей", "общая", "усяго"])
# "с 2020 года", "з 2020 года": a running total since some year.
SINCE_YEAR = re.compile(r"\b(?:с|со|з|начиная с|пачынаючы з)\s+(?:19|20)\d\d\b")
# Words for people, the heads a count must have to count prisoners ("52 политзаключенных").
PEOPLE_HEADS = re.compile(
    r"человек\w*|люд\w*|политзаключ\w*|заключ[её]нн\w*|узник\w*|осужд[её]нн\w*|россиян\w*|"
    r"белорус\w*|беларус\w*|граждан\w*|активист\w*|журналист\w*|протестующ\w*|иностран\w*|"
    r"женщин\w*|мужчин\w*|задержанн\w*|фигурант\w*|оппозиционер\w*|пленн\w*|"
    r"чалав\w*|людз\w*|палітвяз\w*|вяз\w*|зняволен\w*|асуджан\w*|грамадзян\w*|актывіст\w*|"
    r"журналіст\w*|пратэстоўц\w*|замежн\w*|удзельнік\w*|жанчын\w*|мужчын\w*|затрыман\w*|"
    r"палонн\w*|іншаземц\w*|студент\w*|студэнт\w*|блогер\w*|освобожд[её]нн\w*|вызвален(?:ых|ыя|ым\w*)"
)
# Hedges before a count and the qualifier each stands for.
QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("не менее", "at least"),
    ("не меньше", "at least"),
    ("по меньшей мере", "at least"),
    ("как минимум", "at least"),
    ("прынамсі", "at least"),
    ("не менш за", "at least"),
    ("не менш як", "at least"),
    ("больш за", "more than"),
    ("больш як", "more than"),
    ("более", "more than"),
    ("больше", "more than"),
    ("свыше", "more than"),
    ("звыш", "more than"),
    ("около", "about"),
    ("примерно", "about"),
    ("порядка", "about"),
    ("почти", "about"),
    ("каля", "about"),
    ("прыкладна", "about"),
    ("амаль", "about"),
    ("до", "up to"),
    ("да", "up to"),
    ("десятки", "dozens"),
    ("дзясяткі", "dozens"),
)
