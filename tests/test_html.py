"""HTML reading: body, debris removal, metadata, errors, detection, and the Zyte benchmark."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.errors import ReadError
from newsgraph.evaluate.zyte import evaluate_zyte, scores, shingle_counts
from newsgraph.read.html import looks_like_html, parse_html

REPO = Path(__file__).resolve().parents[1]
ZYTE = REPO.parent / "shared" / "datasets" / "zyte-articles"

# Fictional story, written for these tests.
PARAGRAPHS = [
    "The harbour council of Eastmere voted on Tuesday to close the old ferry pier for repairs, "
    "ending weeks of argument between fishermen and the town's tourism office.",
    '"We cannot keep patching a structure that was built for rowing boats," said council chair '
    "Marta Lindqvist, who cast the deciding vote after a four-hour session.",
    "Repairs are expected to take eleven months and will cost about 2.4 million crowns, according "
    "to an estimate prepared by the regional engineering board last spring.",
    "Fishing crews will moor at the north quay in the meantime, a move their association described "
    "as workable but cramped during the herring season.",
]

ARTICLE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Eastmere to close ferry pier for repairs | The Eastmere Gazette</title>
  <meta property="og:title" content="Eastmere to close ferry pier for repairs">
  <meta property="og:site_name" content="The Eastmere Gazette">
  <meta property="og:url" content="https://gazette.example/news/ferry-pier">
  <meta name="author" content="Jonas Berglund">
  <meta property="article:published_time" content="2024-03-12T09:30:00+01:00">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <main>
    <article>
      <h1>Eastmere to close ferry pier for repairs</h1>
      <p class="byline">By Jonas Berglund</p>
      <figure>
        <img src="pier.jpg" alt="">
        <figcaption>The old ferry pier at dawn. Photo: Lena Holm / Gazette</figcaption>
      </figure>
      <p>{PARAGRAPHS[0]}</p>
      <p>{PARAGRAPHS[1]}</p>
      <div class="ad-slot"><p>Advertisement</p></div>
      <p>Advertisement</p>
      <div class="image-caption">Council members leave the town hall after the vote.</div>
      <p>{PARAGRAPHS[2]}</p>
      <div class="related-articles">
        <h3>Related stories</h3>
        <ul>
          <li><a href="/a">Lighthouse keeper retires after forty winters</a></li>
          <li><a href="/b">Herring quotas cut for the second year running</a></li>
        </ul>
      </div>
      <p>{PARAGRAPHS[3]}</p>
      <p>Sign up for our morning newsletter to get the day's stories in your inbox.</p>
      <p>Share this article</p>
    </article>
  </main>
  <footer>Copyright 2024 The Eastmere Gazette. All rights reserved.</footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def article() -> object:
    return parse_html(ARTICLE, "pier.html", url="https://gazette.example/news/ferry-pier")


def test_body_is_the_story(article) -> None:
    assert article.extracted is True
    assert article.html is None
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "<" not in article.text
    # Paragraphs stay separate and in order.
    positions = [article.text.index(p) for p in PARAGRAPHS]
    assert positions == sorted(positions)
    assert "\n" in article.text


@pytest.mark.parametrize(
    "debris",
    [
        "Photo: Lena Holm",  # figcaption and credit
        "Council members leave the town hall",  # caption class
        "Lighthouse keeper retires",  # related links
        "Related stories",
        "Advertisement",
        "newsletter",
        "Share this article",
        "All rights reserved",
        "Home",
    ],
)
def test_debris_is_dropped(article, debris: str) -> None:
    assert debris not in article.text


def test_headline_is_not_repeated_in_body(article) -> None:
    assert not article.text.startswith("Eastmere to close ferry pier")


def test_metadata(article) -> None:
    assert article.title == "Eastmere to close ferry pier for repairs"
    assert article.published == "2024-03-12"
    assert article.authors == ("Jonas Berglund",)
    assert article.outlet == "The Eastmere Gazette"
    assert article.url == "https://gazette.example/news/ferry-pier"
    assert article.source == "pier.html"


def test_inline_link_text_is_kept() -> None:
    # A link wrapped in a span inside a sentence is running text, not a teaser.
    linked = PARAGRAPHS[1].replace(
        "Marta Lindqvist", '<span class="link"><a href="/people/lindqvist">Marta Lindqvist</a></span>'
    )
    page = ARTICLE.replace(PARAGRAPHS[1], linked)
    assert PARAGRAPHS[1] in parse_html(page, "linked.html").text


def test_fragment_is_accepted() -> None:
    fragment = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    doc = parse_html(fragment, "fragment.html")
    assert PARAGRAPHS[0] in doc.text


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "empty HTML document"),
        ("   \n ", "empty HTML document"),
        ("Just a sentence of plain text, no markup at all.", "no HTML markup found"),
        ("\x00\x01\x02<html>", "binary data"),
        ("<html><head><title>Nothing here</title></head><body></body></html>", "no extractable article body"),
        ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "no extractable article body"),
    ],
)
def test_unusable_html_raises(html: str, reason: str) -> None:
    with pytest.raises(ReadError) as info:
        parse_html(html, "bad.html")
    assert info.value.path == "bad.html"
    assert reason in info.value.reason
    assert str(info.value).startswith("bad.html: ")


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "\ufeff  <!doctype HTML>\n<html>",
        "<html lang='en'><head></head>",
        "<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>",
        "<div class='story'><p>One.</p><p>Two.</p></div>",
        "<head><title>Page</title></head>",
    ],
)
def test_looks_like_html_true(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "A plain news story.\n\nWith two paragraphs and no tags.",
        "The ratio was 3 < 4 and 5 > 2, the report said.",
        "He wrote <b>bold</b> claims in an email.",
        '{"text": "a JSON record", "url": "https://example.org"}',
    ],
)
def test_looks_like_html_false(text: str) -> None:
    assert not looks_like_html(text)


def test_shingle_metric_matches_benchmark_rules() -> None:
    text = "one two three four five six"
    assert shingle_counts(text, text) == (1.0, 0.0, 0.0)
    # An empty prediction costs recall only: it is left out of the precision average.
    empty = shingle_counts(text, "")
    assert empty == (0.0, 0.0, 1.0)
    result = scores([shingle_counts(text, text), empty])
    assert result["precision"] == 1.0
    assert result["recall"] == 0.5
    # Tokens are \w+ runs, so punctuation and spacing do not matter, but case does.
    assert shingle_counts("One, two; three four!", "One two three four") == (1.0, 0.0, 0.0)
    assert shingle_counts("One two three four", "one two three four")[0] == 0.0


@pytest.mark.shared
def test_zyte_subset_beats_trafilatura() -> None:
    if not ZYTE.is_dir():
        pytest.skip(f"Zyte benchmark not found at {ZYTE} (needs ../shared/datasets/zyte-articles)")
    result = evaluate_zyte(ZYTE, limit=10)
    assert result["pages"] == 10
    assert result["newsgraph"]["f1"] >= result["trafilatura"]["f1"]
    assert result["delta_f1"] >= 0


@pytest.mark.shared
def test_eval_zyte_cli_prints_json() -> None:
    if not ZYTE.is_dir():
        pytest.skip(f"Zyte benchmark not found at {ZYTE} (needs ../shared/datasets/zyte-articles)")
    outcome = CliRunner().invoke(cli, ["eval", "zyte", "--data", str(ZYTE), "--limit", "2"])
    assert outcome.exit_code == 0, outcome.output
    assert '"pages": 2' in outcome.output
    assert '"delta_f1"' in outcome.output


def test_eval_zyte_cli_rejects_non_benchmark_folder(tmp_path: Path) -> None:
    outcome = CliRunner().invoke(cli, ["eval", "zyte", "--data", str(tmp_path)])
    assert outcome.exit_code == 1
    assert "not a Zyte benchmark folder" in outcome.output


def test_figcaptions_become_captions_with_credits_and_stay_out_of_the_body() -> None:
    import newsgraph

    page = (
        "<html><head><title>Ferry timetable changes</title></head><body><article>"
        "<h1>Ferry timetable changes</h1>"
        "<figure><img src='f.jpg'><figcaption>The Lindqvist ferry leaves Port Halden at dawn. "
        "(Photo: Kari Nes/Halden Press)</figcaption></figure>"
        "<p>The island ferry will sail twice a day from June, the harbour authority said on Monday, after "
        "months of complaints from commuters about the single evening crossing.</p>"
        "<p>Officials said the second crossing would be paid for from the harbour fund until the end of the "
        "year, when the council will review the cost of running both boats.</p>"
        "</article></body></html>"
    )
    (article,) = newsgraph.extract(page)
    assert [(c.text, c.credit) for c in article.captions] == [
        ("The Lindqvist ferry leaves Port Halden at dawn.", "Photo: Kari Nes/Halden Press")
    ]
    assert "leaves Port Halden at dawn" not in article.text
