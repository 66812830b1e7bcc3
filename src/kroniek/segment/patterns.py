"""Regular expressions for the printed layout of Dutch wire pages.

These describe layout, not content: a dateline ``CITY (AGENCY/AGENCY) - ``, the time
stamps news sites print next to items ("3 uur geleden", "gisteren", "29 januari 2026
10:04"), the heading over a list of briefs ("Meer uit Buitenland") and site chrome
(menus, log-in links, cookie prompts, share buttons).
"""

from __future__ import annotations

import re

_UP = "A-ZÀ-ÖØ-Þ"  # upper-case letters, accented ones included
_LO = "a-zß-öø-ÿ"
_CAP_WORD = rf"[{_UP}'’][{_UP}{_LO}'’.]*"
_CITY_CAPS = rf"'?[{_UP}][{_UP}'’.]*(?:[ \-][{_UP}][{_UP}'’.]*){{0,4}}"
_CITY_TITLE = rf"{_CAP_WORD}(?:[ \-](?:{_CAP_WORD}|am|an|aan|de|del|la|le|op|sur))*"
_AGENCY = r"[A-Z][A-Za-z]{1,14}"
_AGENCIES = rf"{_AGENCY}(?:\s*[/,]\s*{_AGENCY})*"
_DASH = r"\s*[-–—]\s*"

#: a dateline with agencies: ``MOSKOU (ANP/AFP) - `` (title-case cities too: ``Den Haag (ANP) -``)
DATELINE = re.compile(
    rf"(?P<city>{_CITY_CAPS}|{_CITY_TITLE})\s*\((?P<agencies>{_AGENCIES})\){_DASH}(?=\S)"
)
#: a dateline without agencies, accepted only in capitals: ``MOSKOU - ``
DATELINE_BARE = re.compile(rf"(?P<city>[{_UP}][{_UP}'’.]{{2,}}(?:[ \-][{_UP}][{_UP}'’.]*){{0,4}}) [-–—] (?=\S)")
#: agencies accepted after a title-case city ("Den Haag (ANP) -") and in run-together lines
KNOWN_AGENCIES = frozenset(
    "ANP AFP AP RTR REUTERS DPA BELGA BLOOMBERG EFE ANSA NOVUM NOS KYODO XINHUA TASS "
    "IRNA YONHAP PAP CTK APA SDA ATS LUSA".split()
)
_KNOWN = "|".join(sorted(KNOWN_AGENCIES, key=len, reverse=True))
#: a capitals dateline whose first agency is a known one, strict enough to split a line on
DATELINE_STRICT = re.compile(
    rf"{_CITY_CAPS}\s*\((?i:{_KNOWN})(?:\s*[/,]\s*{_AGENCY})*\){_DASH}(?=\S)"
)

_NUM = r"\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|enkele"
_UNIT = (
    r"(?:seconden?|sec|minuten|minuut|min|uur|uren|u|dagen|dag|weken|week|maanden|maand|jaren|jaar)\.?"
)
_RELATIVE = rf"(?:(?:ruim|bijna|ongeveer|circa|zo'n)\s+)?(?:{_NUM})\s*(?:{_UNIT})\s+geleden"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*uur)?"
_MONTH = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?,?\s+"
_DAYWORD = r"eergisteren|gisteren|vandaag|vanochtend|vanmorgen|vanmiddag|vanavond|vannacht|zojuist"
_AT = rf"(?:,?\s+(?:om\s+)?{_CLOCK})"
_ABSOLUTE = (
    rf"(?:{_WEEKDAY})?\d{{1,2}}\s+(?:{_MONTH})\.?(?:\s+\d{{4}})?{_AT}?"
    rf"|\d{{1,2}}-\d{{1,2}}-\d{{4}}{_AT}?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[ T]{_CLOCK})?"
)
_TIME = rf"(?:{_RELATIVE}|(?:{_DAYWORD}){_AT}?|{_ABSOLUTE}|{_CLOCK})"

#: a whole line that is only a time stamp
TIME_LINE = re.compile(rf"(?i:{_TIME})")
#: a time at the start of a line, running straight into what follows (``1 uur geledenWASHINGTON``)
TIME_LEAD = re.compile(rf"(?i:{_TIME})(?=[{_UP}'])")
#: a time at the start of a line, then a space and a dateline
TIME_LEAD_SPACED = re.compile(rf"(?i:{_TIME})\s+(?={DATELINE_STRICT.pattern})")
#: a time at the end of a line, after the end of a sentence
TIME_TAIL = re.compile(rf"(?<=[.!?…\"”’'])\s*(?P<time>(?i:{_TIME}))$")
#: a time in the middle of a run-together line, between a sentence end and a dateline
TIME_INLINE = re.compile(
    rf"(?<=[.!?…\"”’'])\s*(?P<time>(?i:{_TIME}))\s*(?={DATELINE_STRICT.pattern})"
)
#: a sentence end directly followed by a capitals dateline on the same line
DATELINE_INLINE = re.compile(
    rf"(?<=[.!?…])(?<![{_UP}]\.)\s*(?={DATELINE_STRICT.pattern})"  # not after "ST."
    rf"|(?<=[\"”’'])\s+(?={DATELINE_STRICT.pattern})"
    rf"|(?<=[{_LO}0-9])(?={DATELINE_STRICT.pattern})"  # a headline running into a dateline
)
#: the heading over the list of briefs itself
BRIEF_HEADING = re.compile(r"(?i:meer uit)\s+\S.{0,40}")

#: a label in front of a page's own time stamp ("Gepubliceerd op 29 januari 2026 10:04")
TIME_LABEL = re.compile(
    r"(?i:(?P<label>gepubliceerd|geplaatst|bijgewerkt|aangepast|laatste update)(?:\s+op)?\s*:?\s*)"
)

#: the heading over a list of briefs or of other links
LIST_HEADING = re.compile(
    r"(?i:meer uit|meer over|meer nieuws|lees ook|lees meer|ook interessant|gerelateerd|"
    r"gerelateerde artikelen|laatste nieuws|net binnen|meest gelezen|meest bekeken|"
    r"andere berichten|ander nieuws)\b[^.!?]{0,40}"
)

#: a sentence has ended: terminal punctuation, maybe closing quotes or brackets
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?=\s|$)")

_CHROME_WORDS = (
    r"inloggen|uitloggen|log in|login|aanmelden|registreren|webmail|menu|zoeken|zoek|home|"
    r"mijn account|account|abonneren|abonnement|word abonnee|nieuwsbrief|contact|colofon|"
    r"adverteren|advertentie|privacy|privacybeleid|cookies|cookiebeleid|cookie-instellingen|"
    r"instellingen|accepteren|alles accepteren|weigeren|akkoord|sluiten|terug|volgende|vorige|"
    r"delen|deel|deel dit artikel|deel artikel|share|facebook|twitter|x|whatsapp|linkedin|"
    r"e-mail|email|mail|print|printen|kopieer link|link gekopieerd|reageer|reacties|volg ons|"
    r"nieuws|buitenland|binnenland|economie|politiek|sport|cultuur|media|tech|wetenschap|"
    r"opmerkelijk|regio|weer|verkeer|video|video's|foto's|podcast|podcasts|live|liveblog|"
    r"tip de redactie|over ons|vacatures|service|klantenservice|overzicht|alle nieuws|"
    r"(?:ga |direct |spring )?naar (?:de )?(?:hoofd)?(?:inhoud|content|navigatie)|sla over.*|skip to .*"
)
#: a line that is site chrome, not news
CHROME_LINE = re.compile(
    rf"(?i:(?:{_CHROME_WORDS})[:.!]?"
    r"|(?:foto|beeld|bron|tekst|video)\s*:.{0,80}|door\s+\w[\w.'’-]*(?:\s+\w[\w.'’-]*){0,4}"
    r"|(?:leestijd|lees-?tijd)\b.{0,30}"
    r"|.*©.*|copyright\b.*|.{0,200}\b(?:foto|beeld)\s*:\s*[^.!?]{0,60}|.{0,200}\((?:archief)?foto\)"
    r"|.*\b(?:gebruik(?:t|en)|plaats(?:t|en)|accepteer|cookies? accepteren)\b.{0,40}\bcookies?\b.*"
    r"|.*\bcookies?\b.{0,60}\b(?:accepteren|toestemming|instellingen|weigeren)\b.*)"
)
#: a menu row: short items separated by bars or bullets
MENU_LINE = re.compile(r"[^.!?]{1,30}(?:\s*[|•·»]\s*[^.!?|•·»]{1,30}){2,}")
