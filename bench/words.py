"""Checking a long document against many checked words (错敏词): the automaton vs. str.find.

    .venv/bin/python bench/words.py [--terms 5000] [--chars 200000] [--repeat 5]

Pure Python, no database: `disclosure.lib.words.WordList` (pyahocorasick)
against the obvious alternative, one `str.find` loop per term over the same
normalised text. The terms are random 3- to 8-character strings of common
characters; the document is random text of the same characters (the size of
the longest attachment text kept, 200,000 characters), with 50 of the terms
planted in it. Both ways must find the same hits; prints a Markdown table.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from disclosure.lib.words import Term, WordList, normalise

CHARACTERS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所"
    "民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那"
    "社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通"
    "并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区"
    "强放决西被干做必战先回则任取据处府研保就业服务保障劳动合同社会险"
)


def random_text(rng: random.Random, length: int) -> str:
    return "".join(rng.choices(CHARACTERS, k=length))


def find_with_str(terms: list[str], text: str) -> list[tuple[int, str]]:
    hits = []
    for term in terms:
        start = text.find(term)
        while start != -1:
            hits.append((start, term))
            start = text.find(term, start + 1)
    return hits


def ms(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--terms", type=int, default=5000)
    parser.add_argument("--chars", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    rng = random.Random(9704)
    chosen: set[str] = set()
    while len(chosen) < args.terms:
        chosen.add(random_text(rng, rng.randint(3, 8)))
    terms = sorted(chosen)
    planted = rng.sample(terms, 50)
    cuts = sorted(rng.sample(range(args.chars), len(planted)))
    pieces = [
        random_text(rng, end - start)
        for start, end in zip([0, *cuts], [*cuts, args.chars], strict=True)
    ]
    text = "".join(piece + term for piece, term in zip(pieces, [*planted, ""], strict=True))

    build = ms(lambda: WordList(Term(term) for term in terms), args.repeat)
    words = WordList(Term(term) for term in terms)
    flat = normalise(text)[0]
    automaton_hits = {(hit.start, hit.term.term) for hit in words.find(text)}
    plain_hits = find_with_str(terms, flat)
    assert {term for _, term in plain_hits} == {term for _, term in automaton_hits} >= set(planted)

    normalising = ms(lambda: normalise(text), args.repeat)
    finding = ms(lambda: words.find(text), args.repeat)
    looping = ms(lambda: find_with_str(terms, flat), args.repeat)
    print(
        f"{len(terms)} terms, a document of {len(text):,} characters, {len(automaton_hits)} hits.\n"
    )
    print("| step | median ms |")
    print("| --- | ---: |")
    print(f"| build the automaton ({len(terms)} terms) | {build:.1f} |")
    print(f"| normalise the document (NFKC, index map) | {normalising:.1f} |")
    print(f"| `WordList.find` (normalise + automaton + context) | {finding:.1f} |")
    print(f"| `str.find` loop over the normalised text, per term | {looping:.1f} |")


if __name__ == "__main__":
    main()
