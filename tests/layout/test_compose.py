"""An HTML page's parts, as the reader finds them, laid out as the text the segmenter reads."""

from kroniek.layout import lay_out
from kroniek.records import HtmlParts

HEADLINE = "Stadsbestuur opent nieuwe brug over de rivier"
FIRST = "ARNHEM (ANP) - De nieuwe brug over de rivier is vrijdag geopend voor verkeer."
SECOND = "De bouw duurde drie jaar en liep een half jaar vertraging op."
BRIEF = "UTRECHT (ANP) - Het station krijgt er een fietsenstalling bij."


def test_the_brief_list_comes_from_the_blocks_and_chrome_is_left_out():
    parts = HtmlParts(
        headline=HEADLINE,
        main=(HEADLINE, FIRST, "Deel dit artikel", SECOND, "Meer uit Binnenland", BRIEF),
        blocks=(
            "Inloggen | Webmail | Zoeken",
            HEADLINE,
            "14 mei 2025 09:30",
            FIRST,
            SECOND,
            "Meer uit Binnenland",
            BRIEF,
            "2 uur geleden",
        ),
    )
    assert lay_out(parts).split("\n") == [
        HEADLINE,
        "14 mei 2025 09:30",
        FIRST,
        SECOND,
        "Meer uit Binnenland",
        BRIEF,
        "2 uur geleden",
    ]


def test_without_a_main_article_the_blocks_stand_in():
    parts = HtmlParts(headline=None, main=(), blocks=("Inloggen | Webmail | Zoeken", FIRST))
    assert lay_out(parts) == FIRST
