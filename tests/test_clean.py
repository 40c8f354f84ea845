"""Unit tests for the clean stage's rules, on small texts written for them."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean_document
from newsgraph.clean.dates import to_iso
from newsgraph.clean.lines import Line, credit_only, split_credit
from newsgraph.clean.unglue import cut, unglue
from newsgraph.clean.unwrap import unwrap, wrap_width
from newsgraph.records import Caption, CleanArticle, RawDocument

LEDE = "The river authority said on Monday that the old weir at Brenholm would be rebuilt before the spring floods."
SECOND = "Engineers found cracks in three of the five sluice gates during an inspection in March, the authority said."
THIRD = "Residents of the lower valley have asked for a temporary barrier until the work is finished next year."


def clean(text: str) -> list[CleanArticle]:
    return clean_document(RawDocument(source="test", text=text))


def removed_reasons(article: CleanArticle) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


# --- unglue ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "The gates were shut on Monday.He said they would reopen.",
            ["The gates were shut on Monday.", "He said they would reopen."],
        ),
        ("She called it “a fair deal”.He disagreed.", ["She called it “a fair deal”.", "He disagreed."]),
        ("He said: “We are ready.”They left.", ["He said: “We are ready.”", "They left."]),
        ("It was “an offer”.”We will wait,” she said.", ["It was “an offer”.", "”We will wait,” she said."]),
        (
            "Media captionMayor on the floods: ‘We were warned’",
            ["Media caption", "Mayor on the floods: ‘We were warned’"],
        ),
        (
            "ANNA BERG/AFP/Getty Images(OSLO) -- Ferries stopped running today.",
            ["ANNA BERG/AFP/Getty Images", "(OSLO) -- Ferries stopped running today."],
        ),
        (
            "The vote is next week.Live: Reaction to the budgetAsked about taxes, he declined to comment.",
            ["The vote is next week.", "Live: Reaction to the budget", "Asked about taxes, he declined to comment."],
        ),
        (
            "A dog on a wet beach.Image source, Lakeside Photos",
            ["A dog on a wet beach.", "Image source, Lakeside Photos"],
        ),
        (
            "Orla Brisk/FOXMira Holt, the teen who left the show last week, was its youngest singer.",
            ["Orla Brisk/FOX", "Mira Holt, the teen who left the show last week, was its youngest singer."],
        ),
    ],
)
def test_cut_glued_pieces(text: str, pieces: list[str]) -> None:
    assert cut(text) == pieces


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Senate met at 10 a.m. on Tuesday.",
        "Visit www.Example.org for details.",
        "Mr.Smith and St. Louis are not sentence ends.",
        "It costs 23.00 GMT prices.",
    ],
)
def test_cut_leaves_ordinary_text_alone(text: str) -> None:
    assert cut(text) == [text]


def test_unglued_pieces_keep_index_and_are_marked() -> None:
    lines = unglue([Line(4, "First part.Second part here.", 2)])
    assert [(line.index, line.text, line.blanks_before, line.glued) for line in lines] == [
        (4, "First part.", 2, False),
        (4, "Second part here.", 0, True),
    ]


# --- unwrap ---------------------------------------------------------------------------------------

WRAPPED = """Flood barriers

RIVERTON (AP) — Crews began building a temporary flood barrier along the river on Thursday, hoping
to finish it before the next storm reaches the valley on Sunday night.
"We are racing the weather," said site manager Olu Bakare, who has worked on the project since
March. "Every hour counts now."
The barrier will be 2 kilometres long when it is complete, the county said in a statement, and it
will stay in place until the spring.
"""


def test_wrap_width_found_only_in_wrapped_text() -> None:
    lines = [Line(i, t, 0) for i, t in enumerate(WRAPPED.splitlines()) if t]
    assert wrap_width(lines) is not None
    assert wrap_width([Line(i, t, 0) for i, t in enumerate([LEDE * 2, SECOND * 2, THIRD * 2, LEDE])]) is None


def test_unwrap_rejoins_paragraphs() -> None:
    lines = [Line(i, t.strip(), 0) for i, t in enumerate(WRAPPED.splitlines()) if t.strip()]
    texts = [line.text for line in unwrap(lines)]
    assert texts[1].startswith("RIVERTON (AP) — Crews") and texts[1].endswith("on Sunday night.")
    assert texts[2] == (
        '"We are racing the weather," said site manager Olu Bakare, who has worked on the project since March.'
        ' "Every hour counts now."'
    )
    assert texts[3].endswith("until the spring.")
    assert len(texts) == 4


# --- lines ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Boats in the harbour at dawn. Photo: Mira Holt", Caption("Boats in the harbour at dawn.", "Mira Holt")),
        ("Boats in the harbour at dawn | Credit: Port Trust", Caption("Boats in the harbour at dawn", "Port Trust")),
        (
            "Boats in the harbour at dawn. (Photo: Mira Holt/Port Trust)",
            Caption("Boats in the harbour at dawn.", "Photo: Mira Holt/Port Trust"),
        ),
        (
            "The mayor speaks in the harbour hall. (Port Trust via AP)",
            Caption("The mayor speaks in the harbour hall.", "Port Trust via AP"),
        ),
        (
            "The mayor was asked about the harbour fees (Coast Radio)",
            Caption("The mayor was asked about the harbour fees", "Coast Radio"),
        ),
        (
            "Ferry crews at the harbour wall in Brenholm on March 3 [Mira Holt/Reuters]",
            Caption("Ferry crews at the harbour wall in Brenholm on March 3", "Mira Holt/Reuters"),
        ),
        (
            "Ferry crews at the harbour wall on March 3. The wall was built in 1902.  MIRA HOLT / AFP",
            Caption("Ferry crews at the harbour wall on March 3. The wall was built in 1902.", "MIRA HOLT / AFP"),
        ),
        (
            "The mayor in the harbour hall today.Credit: Mira Holt",
            Caption("The mayor in the harbour hall today.", "Mira Holt"),
        ),
        (
            "Varne has coached the side for four years. Orla Brisk / SPORTPIX",
            Caption("Varne has coached the side for four years.", "Orla Brisk / SPORTPIX"),
        ),
    ],
)
def test_split_credit(text: str, caption: Caption) -> None:
    assert split_credit(text) == caption


@pytest.mark.parametrize(
    "text",
    [
        "June 14 – Harbour Hall (Formerly Town Hall)",
        "Picture Archiving and Communication Systems (PACS).",
        "The harbour uses a new booking system (HBS)",
    ],
)
def test_no_credit_in_names_and_acronyms(text: str) -> None:
    assert split_credit(text) is None


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Orla Brisk / SPORTPIX", "Orla Brisk / SPORTPIX"),
        ("Orla Brisk / SPORTPIX / SPORTPIX", "Orla Brisk / SPORTPIX / SPORTPIX"),
    ],
)
def test_a_photographer_and_an_agency_in_capitals_is_a_credit(line: str, credit: str) -> None:
    assert credit_only(line) == credit
    assert credit_only("Harbour Fees / Council Reply") is None


@pytest.mark.parametrize(
    ("stated", "iso"),
    [
        ("12/07/2024", "2024-07-12"),
        ("03/11/2024", "2024-11-03"),
        ("07/25/2024", "2024-07-25"),
        ("2024-05-02", "2024-05-02"),
    ],
)
def test_numeric_dates_are_day_first_unless_impossible(stated: str, iso: str) -> None:
    assert to_iso(stated) == iso


# --- split ----------------------------------------------------------------------------------------


def test_header_lines_are_set_aside_and_dates_found() -> None:
    text = f"""Riverside Gazette
Riverside Gazette
Local

Weir at Brenholm to be rebuilt before spring floods

Tom Archer

By Tom Archer

Published: 04/02/2025

- 09:30

{LEDE}

{SECOND}
"""
    (article,) = clean(text)
    assert article.title == "Weir at Brenholm to be rebuilt before spring floods"
    assert article.text.startswith(LEDE) and article.text.endswith(SECOND)
    assert article.published == "2025-02-04"
    assert article.authors == ("Tom Archer",)
    reasons = removed_reasons(article)
    assert reasons["Tom Archer"] == "byline"
    assert reasons["- 09:30"] == "timestamp"
    assert "Local" in reasons and "Riverside Gazette" in reasons


def test_scene_caption_under_headline() -> None:
    photo = "A crane lifted onto the old weir at Brenholm on March 3."
    text = f"Brenholm Weir Will Be Rebuilt\n\n{photo}\n\n{LEDE}\n\n{SECOND}\n"
    (article,) = clean(text)
    assert [c.text for c in article.captions] == [photo]
    assert article.text.startswith(LEDE)


def test_labelled_captions_take_their_credit() -> None:
    text = (
        "Weir at Brenholm to be rebuilt before spring floods\n\n"
        "An old stone weir with water pouring over it.Image source, Valley Pictures\nImage caption,\n\n"
        "The weir was built in 1902\n\n  • Published\n\n"
        f"{LEDE}\n\nMedia caption,\n\nResidents describe the last flood\n\n{SECOND}\n"
    )
    (article,) = clean(text)
    assert article.captions == (
        Caption("The weir was built in 1902", "Valley Pictures"),
        Caption("Residents describe the last flood", None),
    )
    assert article.text == f"{LEDE}\n\n{SECOND}"
    reasons = removed_reasons(article)
    assert reasons["An old stone weir with water pouring over it."] == "image alt text"
    assert reasons["Image source, Valley Pictures"] == "photo credit"


def test_teaser_before_repeated_headline() -> None:
    teaser = "The weir at Brenholm will be rebuilt, the river authority said, promising to finish before spring."
    text = f"Weir at Brenholm to Be Rebuilt\n\n{teaser}\n\nWeir at Brenholm to Be Rebuilt\n\n{LEDE}\n\n{SECOND}\n"
    (article,) = clean(text)
    assert article.title == "Weir at Brenholm to Be Rebuilt"
    assert article.text.startswith(LEDE)
    assert removed_reasons(article)[teaser] == "teaser"


def test_ad_slot_labels_between_paragraphs_neither_split_nor_stay() -> None:
    slot = "Advertisement Hide Ad\n\nAdvertisement Hide Ad"
    text = (
        f"Weir at Brenholm to be rebuilt before spring floods\n\nArticle Sidebar\n\n{LEDE}\n\n{slot}\n\n{SECOND}\n\n"
        f"This advertisement has not loaded yet, but your article continues below.\n\n{slot}\n\n{THIRD}\n"
    )
    (article,) = clean(text)
    assert article.text == f"{LEDE}\n\n{SECOND}\n\n{THIRD}"
    assert removed_reasons(article)["Advertisement Hide Ad"] == "debris"


def test_newsletter_signup_label_between_paragraphs_goes() -> None:
    text = f"Weir at Brenholm to be rebuilt before spring floods\n\n{LEDE}\n\nEmail newsletter signup\n\n{SECOND}\n"
    (article,) = clean(text)
    assert article.text == f"{LEDE}\n\n{SECOND}"
    assert removed_reasons(article)["Email newsletter signup"] == "debris"


def test_a_sentence_with_pictured_in_brackets_is_not_a_caption() -> None:
    line = "Councillor Ines Falk (pictured) has said the weir must be finished before the spring floods."
    (article,) = clean(f"Weir at Brenholm to be rebuilt before spring floods\n\n{LEDE}\n\n{line}\n\n{SECOND}\n")
    assert line in article.text
    assert not article.captions


def test_a_video_player_fallback_line_goes() -> None:
    text = f"Weir at Brenholm to be rebuilt\n\n{LEDE}\n\nYour browser does not support the video tag.\n\n{SECOND}\n"
    (article,) = clean(text)
    assert article.text == f"{LEDE}\n\n{SECOND}"


def test_a_sentence_broken_over_paragraphs_is_joined_again() -> None:
    broken = (
        "“We are talking with several partners about the new terminal,” the harbour master said, declining to\n\n"
        "name them or say when a deal might be signed.\n\n"
        "The harbour is expanding its capacity to three million containers a year by 2031, she told reporters,\n\n"
        "from two million now."
    )
    (article,) = clean(f"Weir at Brenholm to be rebuilt before spring floods\n\n{LEDE}\n\n{broken}\n\n{SECOND}\n")
    assert "declining to name them or say when a deal might be signed." in article.text
    assert "she told reporters, from two million now." in article.text


def test_a_pictures_title_above_its_credited_caption_does_not_start_an_article() -> None:
    text = (
        f"Weir at Brenholm to be rebuilt before spring floods\n\n{LEDE}\n\n{SECOND}\n\n"
        "Walkers on the flooded towpath\n"
        "People have been wading along the towpath since Sunday.(Valley Pictures: Mira Holt)\n\n"
        f"{THIRD}\n"
    )
    (article,) = clean(text)
    assert article.text == f"{LEDE}\n\n{SECOND}\n\n{THIRD}"
    assert removed_reasons(article)["Walkers on the flooded towpath"] == "caption title"


def test_a_lede_shown_as_a_teaser_above_the_repeated_headline_is_kept_once() -> None:
    text = f"Weir at Brenholm to Be Rebuilt\n\n{LEDE}\n\nWeir at Brenholm to Be Rebuilt\n\n{LEDE}\n\n{SECOND}\n"
    (article,) = clean(text)
    assert article.text == f"{LEDE}\n\n{SECOND}"


def test_crosshead_stays_and_footer_goes() -> None:
    text = (
        f"Weir at Brenholm to be rebuilt before spring floods\n\n{LEDE}\n\nCost and Timetable\n\n{SECOND}\n\n"
        "Leave a comment\n\nYour email address will not be published. Required fields are marked *\n\n"
        "Get the best of the valley news every morning, delivered free to you.\n"
    )
    (article,) = clean(text)
    assert article.text == f"{LEDE}\n\nCost and Timetable\n\n{SECOND}"
    assert removed_reasons(article)["Get the best of the valley news every morning, delivered free to you."] == "footer"


def test_archive_page_posts_split_at_each_headline() -> None:
    text = (
        f"Tag Archives: Brenholm\n\nWeir at Brenholm to be rebuilt before spring floods\n\n{LEDE}\n\n{SECOND}\n\n"
        f"Brenholm residents ask for a temporary barrier\n\n{THIRD}\n"
    )
    first, second = clean(text)
    assert first.title == "Weir at Brenholm to be rebuilt before spring floods"
    assert first.text.endswith(SECOND)
    assert second.title == "Brenholm residents ask for a temporary barrier"
    assert second.text == THIRD


def test_wire_chrome_is_removed() -> None:
    text = (
        " date 2025-02-04 HomeWorldBusinessMarketsMore\nAgency logo\n#World News\n"
        "February 4, 2025 / 9:12 AM / a year ago\n\nWeir at Brenholm to be rebuilt before spring floods\n\n"
        "Agency Staff\n\n2 Min Read\n\n"
        f"{LEDE}\n\n{SECOND}\n\n(This story has been corrected to fix the date of the inspection.)\n\n"
        "Reporting by Tom Archer; Editing by Ines Roth\n\nOur Standards: The Agency Trust Principles.\n"
    )
    (article,) = clean(text)
    assert article.text == f"{LEDE}\n\n{SECOND}"
    assert article.published == "2025-02-04"
    reasons = removed_reasons(article)
    assert reasons["date 2025-02-04 HomeWorldBusinessMarketsMore"] == "debris"
    assert reasons["(This story has been corrected to fix the date of the inspection.)"] == "correction note"
    assert reasons["Reporting by Tom Archer; Editing by Ines Roth"] == "footer"
    assert reasons["Agency Staff"] == "byline"


def test_glued_text_loses_nothing() -> None:
    text = f"Media captionThe weir at dawn\n{LEDE[:-1]}.He said it would cost more.{SECOND}\n"
    (article,) = clean(text)
    assert [c.text for c in article.captions] == ["The weir at dawn"]
    assert article.text == f"{LEDE}\n\nHe said it would cost more.\n\n{SECOND}"
    assert removed_reasons(article) == {"Media caption": "caption label"}


def test_live_blog_times_stay_in_the_body() -> None:
    text = f"{LEDE}\n\n5:10 p.m.\n\n{SECOND}\n"
    (article,) = clean(text)
    assert article.text == f"{LEDE}\n\n5:10 p.m.\n\n{SECOND}"


# --- rules from held-out pages ---------------------------------------------------------------------

HEADLINE = "Weir at Brenholm to be rebuilt before spring floods"


def test_related_link_without_separator_is_removed() -> None:
    text = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nREAD ALSO  Ferry Timetable Changes For The Summer .\n"
    (article,) = clean(text)
    assert article.text == f"{LEDE}\n\n{SECOND}"
    assert removed_reasons(article)["READ ALSO  Ferry Timetable Changes For The Summer ."] == "related link"


def test_read_more_as_a_sentence_stays() -> None:
    sentence = "Read more about the weir in the authority's report, which runs to two hundred pages."
    (article,) = clean(f"{HEADLINE}\n\n{LEDE}\n\n{sentence}\n\n{SECOND}\n")
    assert sentence in article.text


def test_print_teaser_and_dated_category_line() -> None:
    stamp = "Published February 4, 2025, in Valley News, Around Brenholm, Top Stories"
    teaser = "…Read on and see the plans in this week’s issue of the Brenholm Courier!"
    (article,) = clean(f"By: editor\n\n{stamp}\n\n{LEDE}\n\n{SECOND}\n\n{teaser}\n")
    assert article.title is None
    assert article.published == "2025-02-04"
    assert article.text == f"{LEDE}\n\n{SECOND}"
    reasons = removed_reasons(article)
    assert reasons[stamp] == "timestamp"
    assert reasons[teaser] == "footer"


def test_ordinal_date_line_is_a_timestamp() -> None:
    (article,) = clean(f"Tuesday 4th, February 2025\nBrenholm Courier\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n")
    assert article.title == HEADLINE
    assert removed_reasons(article)["Tuesday 4th, February 2025"] == "timestamp"


def test_caption_shown_twice_with_dash_credit() -> None:
    caption = "One of the sluice gates found cracked in March. - Brenholm Courier"
    (article,) = clean(f"{HEADLINE}\n\n{LEDE}\n\n{caption}\n{caption}\n\n{SECOND}\n")
    assert article.captions == (Caption("One of the sluice gates found cracked in March.", "Brenholm Courier"),)
    assert article.text == f"{LEDE}\n\n{SECOND}"


def test_wire_sign_off_after_the_last_sentence_is_not_body() -> None:
    (article,) = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND} — Sapa-AFP\n")
    assert article.text == f"{LEDE}\n\n{SECOND}"
    assert removed_reasons(article)["— Sapa-AFP"] == "agency sign-off"


def test_file_photo_label_and_bare_copy_of_a_credited_caption() -> None:
    label = "the old weir at Brenholm in winter - File photo"
    credited = "Engineers at the weir this morning.Credit: Mira Holt"
    text = f"{HEADLINE}\n\n{label}\n\n{LEDE}\n\nEngineers at the weir this morning.\n\n{credited}\n\n{SECOND}\n"
    (article,) = clean(text)
    assert article.captions == (
        Caption("the old weir at Brenholm in winter", None),
        Caption("Engineers at the weir this morning.", "Mira Holt"),
    )
    assert article.text == f"{LEDE}\n\n{SECOND}"
    reasons = removed_reasons(article)
    assert reasons["File photo"] == "caption label"
    assert reasons["Engineers at the weir this morning."] == "repeated caption"


def test_name_line_under_the_headline_is_a_caption() -> None:
    lede = "River authority chief Olu Bakare said on Monday that the weir would be rebuilt before the floods."
    (article,) = clean(f"{HEADLINE}\n\nRiver authority chief Olu Bakare\n\n{lede}\n\n{SECOND}\n")
    assert article.captions == (Caption("River authority chief Olu Bakare", None),)
    assert article.text.startswith(lede)


def test_cut_off_last_line_stays_but_trailing_links_go() -> None:
    (article,) = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nBakare was speaking at\n")
    assert article.text.endswith("Bakare was speaking at")
    (article,) = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nFerry Timetable News\n")
    assert article.text.endswith(SECOND)


def test_links_under_a_more_news_heading_open_no_article() -> None:
    links = "Ferry timetable changes for the summer season\nFerry timetable changes for the summer season\n"
    links += "Brenholm library reopens after the floods\nBrenholm library reopens after the floods\n"
    disclaimer = (
        "Disclaimer: Please write your real name. Do not post abusive, defamatory or unlawful comments, since the "
        "Courier is not responsible for what readers post and may remove any comment without notice"
    )
    text = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nMore News\n\n{links}\nWrite your Comments\n\n{disclaimer}\n"
    (article,) = clean(text)
    assert article.text == f"{LEDE}\n\n{SECOND}"
    reasons = removed_reasons(article)
    assert ("Ferry timetable changes for the summer season", "related headline") in {
        (r.text, r.reason) for r in article.removed
    }
    assert reasons[disclaimer] == "footer"


def test_sentence_case_headline_between_paragraphs_is_a_link() -> None:
    link = "Brenholm residents demand a temporary barrier before the winter storms"
    (article,) = clean(f"{HEADLINE}\n\n{LEDE}\n\n{link}\n\n{SECOND}\n\n{THIRD}\n")
    assert article.text == f"{LEDE}\n\n{SECOND}\n\n{THIRD}"
    assert removed_reasons(article)[link] == "unrelated headline"


def test_a_date_stamp_glued_to_the_lead_is_cut_off_and_the_lead_kept() -> None:
    (article,) = clean(
        f" date 2025-02-04 Harbour master Ilse Varga said the weir would be rebuilt.\n\n{LEDE}\n\n{SECOND}\n"
    )
    assert article.text.startswith("Harbour master Ilse Varga said the weir would be rebuilt.")
    assert "date 2025-02-04" not in article.text


def test_html_tags_left_in_a_text_dump_become_paragraphs() -> None:
    text = (
        '<p>Heavy rain flooded the ring road on Monday.</p>.<p>While <a href="/tags/council">council</a> '
        "officials say drains are cleared daily, drivers disagree.</p>.<p>“There is not one dry lane,” said "
        "Tomas Veld, a courier.</p>.<p><strong>'Slow work'</strong></p>.<p>Crews will return on Friday &amp; "
        "Saturday.</p>"
    )
    (article,) = clean_document(RawDocument(source="dump.txt", text=text))
    assert article.text.split("\n\n") == [
        "Heavy rain flooded the ring road on Monday.",
        "While council officials say drains are cleared daily, drivers disagree.",
        "“There is not one dry lane,” said Tomas Veld, a courier.",
        "'Slow work'",
        "Crews will return on Friday & Saturday.",
    ]


def test_prose_that_mentions_a_tag_is_left_alone() -> None:
    text = "Editors said the <p> tag in the old template broke the page.\n\nThe fix went live on Tuesday."
    (article,) = clean_document(RawDocument(source="dump.txt", text=text))
    assert "<p>" in article.text


def test_a_caption_line_before_she_continued_opens_no_article() -> None:
    text = (
        "Singer Mara Quill plans smaller shows\n\n"
        "Mara Quill has opened up about her tour plans after releasing her new album, Lanterns. "
        'She explained: "My goal is to make every show feel small and close to the fans."\n\n\n'
        "Quill performed at the harbour festival in August\n\n"
        'She continued: "I literally just got home from the last tour and I need a rest before the next one."\n\n'
        "The album came out on Friday and went straight to the top of the charts in four countries."
    )
    (article,) = clean(text)
    assert "She continued" in article.text
    assert "Quill performed at the harbour festival in August" not in article.text


def test_an_ad_break_line_is_debris_not_a_headline() -> None:
    text = (
        "Court adjourns hearing\n\n"
        "The judge adjourned the hearing on Monday after the defence asked for more time to read the file.\n\n"
        "News continues after this ad\n\n"
        "The defence lawyer said the case would resume next month when the appeal had been decided."
    )
    (article,) = clean(text)
    assert "News continues after this ad" not in article.text
    assert "resume next month" in article.text


def test_runs_of_spaces_inside_a_line_become_one() -> None:
    (article,) = clean(f"{LEDE}\n\nThe Prime  Minister   said the  weir would be rebuilt.\n\n{SECOND}\n\n{THIRD}")
    assert "The Prime Minister said the weir would be rebuilt." in article.text
    assert "  " not in article.text


@pytest.mark.parametrize("heading", ["Related Article", "Related Story", "Related Post"])
def test_a_related_heading_in_the_singular_opens_no_article(heading: str) -> None:
    text = (
        "Battery maker plans a second plant\n\n"
        "Making a battery takes many parts, and the coast is one of the best places to make them, says the "
        "founder of Lumen Cells.\n\n"
        f"{heading}\n\n"
        "“The coast is the hub of the battery chain,” Ana Kovac said during an interview on Thursday.\n\n"
        "“We have at least ten suppliers here already,” Kovac explained."
    )
    (article,) = clean(text)
    assert article.title == "Battery maker plans a second plant"
    assert "the hub of the battery chain" in article.text
    assert heading not in article.text


def test_a_desks_tag_before_a_headline_keeps_it_a_headline() -> None:
    headline = "[INTERVIEW] ‘The coast is the hub of the battery chain,’ Lumen Cells founder says"
    text = (
        f"{headline}\n\n"
        "Home > Business > Industry\n\n"
        f"{headline}\n\n"
        "Making a battery takes many parts, and the coast is one of the best places to make them, says the "
        "founder of Lumen Cells, Ana Kovac.\n\n"
        "“We have at least ten suppliers here already,” Kovac explained. “We will build a second plant.”"
    )
    (article,) = clean(text)
    assert article.title == headline
    assert not article.captions
