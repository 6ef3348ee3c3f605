"""Arabic/English text preparation for the knowledge index.

`fold()` is `dialogs.common.arabic.fold`, the one commands are matched with too. `normalize()` extends it for
search: more letter variants, invisible marks, punctuation. On top of that come the lexical features
(Levantine/Gulf/Egyptian function words mapped to Modern Standard Arabic, stop words dropped, Snowball
stems, character n-grams) and `embedding_text()`, the gentler form given to an embedding model (it keeps
hamza and ta marbuta, which the model's tokenizer knows, but drops punctuation and maps dialect words to
their MSA spelling: measured better for e5).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import chain

import snowballstemmer

from dialogs.common.arabic import DIACRITICS, TATWEEL, ascii_digits, fold

# Search-only extras: Persian/Urdu letter forms typed on other keyboards, the lone hamza (شيء = شي),
# and invisible format characters (bidi marks and isolates, zero-width joiners) that Teams clients insert.
_SEARCH_FOLD = str.maketrans(
    {"ک": "ك", "ی": "ي", "ې": "ي", "ە": "ه", "ہ": "ه", "ھ": "ه", "ۀ": "ه", "ٶ": "و", "ء": None, "ـ": None}
)
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_NON_WORD = re.compile(r"[\W_]+")
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")


def normalize(text: str) -> str:
    """`fold()` plus letter variants and invisible marks removed; words of letters and digits joined by spaces."""
    text = fold(_INVISIBLE.sub("", text)).translate(_SEARCH_FOLD)
    return " ".join(_NON_WORD.sub(" ", text).split())


def is_arabic(word: str) -> bool:
    return _ARABIC_LETTER.search(word) is not None


_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


def language(text: str) -> str:
    """ "ar" when Arabic letters are at least as many as Latin ones (a product name in an Arabic question stays
    Arabic), else "en" (any Latin-script text)."""
    return "ar" if len(_ARABIC_LETTER.findall(text)) >= max(1, len(_LATIN_LETTER.findall(text))) else "en"


# Colloquial words (Levantine first, some Gulf and Egyptian) -> their Modern Standard Arabic spelling.
# Written from general knowledge of the dialects, not from the benchmark's queries. Keys are matched after
# `normalize()`; values are proper MSA spellings (for the embedding model) and are normalised for lexical use.
_DIALECT = {
    "شو": "ماذا",
    "ايش": "ماذا",
    "شنو": "ماذا",
    "ليش": "لماذا",
    "ليه": "لماذا",
    "علاش": "لماذا",
    "وين": "أين",
    "فين": "أين",
    "امتى": "متى",
    "ايمتى": "متى",
    "قديش": "كم",
    "اديش": "كم",
    "كديش": "كم",
    "بدي": "أريد",
    "بدك": "تريد",
    "بدنا": "نريد",
    "بده": "يريد",
    "بدها": "تريد",
    "بدهم": "يريدون",
    "عايز": "أريد",
    "عاوز": "أريد",
    "ابغى": "أريد",
    "مش": "ليس",
    "مو": "ليس",
    "موش": "ليس",
    "هلق": "الآن",
    "هلأ": "الآن",
    "هسا": "الآن",
    "هسه": "الآن",
    "دلوقتي": "الآن",
    "الحين": "الآن",
    "اشي": "شيء",
    "إشي": "شيء",
    "شي": "شيء",
    "حاجه": "شيء",
    "شغله": "شيء",
    "هاد": "هذا",
    "هادا": "هذا",
    "هاض": "هذا",
    "هاظ": "هذا",
    "هيدا": "هذا",
    "ده": "هذا",
    "هاي": "هذه",
    "هادي": "هذه",
    "هيدي": "هذه",
    "هيك": "هكذا",
    "كده": "هكذا",
    "عشان": "لكي",
    "علشان": "لكي",
    "مشان": "لكي",
    "منشان": "لكي",
    "لسا": "بعد",
    "لسه": "بعد",
    "كتير": "كثير",
    "منيح": "جيد",
    "كويس": "جيد",
    "هون": "هنا",
    "كمان": "أيضا",
    "بس": "لكن",
    "زي": "مثل",
    "متل": "مثل",
    "ازا": "إذا",
    "مين": "من",
    "فيي": "يمكنني",
    "بقدر": "أستطيع",
    "بتقدر": "تستطيع",
    "بنقدر": "نستطيع",
    "رح": "سوف",
    "اللي": "الذي",
    "يلي": "الذي",
    "تبعي": "الخاص بي",
    "تاعي": "الخاص بي",
    "بتاعي": "الخاص بي",
    "تبعك": "الخاص بك",
    "تاعك": "الخاص بك",
    "تبع": "الخاص",
    "تاع": "الخاص",
    "مصاري": "أموال",
    "فلوس": "أموال",
    "كرت": "بطاقة",
    "كارت": "بطاقة",
    "مسج": "رسالة",
    "بحكي": "يقول",
    "بتحكي": "تقول",
    "بعت": "أرسل",
    "بعتت": "أرسلت",
    "ابعت": "أرسل",
    "لازم": "يجب",
    "امبارح": "أمس",
    "مبارح": "أمس",
    "بكرا": "غدا",
    "بكره": "غدا",
    "شوي": "قليلا",
    "شويه": "قليلا",
    "ازاي": "كيف",
    "شلون": "كيف",
    "وش": "ماذا",
    "بدو": "يريد",
    "اكم": "كم",
    "قديه": "كم",
    "ايمتا": "متى",
    "هلقيت": "الآن",
    "لهلق": "حتى الآن",
    "لهلا": "حتى الآن",
    "مبين": "يظهر",
    "شغال": "يعمل",
    "بشتغل": "يعمل",
    "بتشتغل": "تعمل",
    "بصير": "يمكن",
    "عم": "",
}
DIALECT_TO_MSA: dict[str, str] = {normalize(k): v for k, v in _DIALECT.items()}  # "" drops the word


def _with_clitics(table: dict[str, str], *, keep_conjunction: bool) -> dict[str, str]:
    """Also the forms with a leading conjunction and/or article (و, ال, وال): المصاري, وبدي, ومش."""
    out = dict(table)
    for word, msa in table.items():
        if not msa:
            continue
        prefixes = ("و", "ال", "وال") if len(word) >= 3 else ("و",)
        for prefix in prefixes:
            out.setdefault(normalize(prefix + word), "و" + msa if prefix == "و" and keep_conjunction else msa)
    return out


_DIALECT_LEXICAL: dict[str, tuple[str, ...]] = {
    k: tuple(normalize(v).split()) for k, v in _with_clitics(DIALECT_TO_MSA, keep_conjunction=False).items()
}
DIALECT_TO_MSA = _with_clitics(DIALECT_TO_MSA, keep_conjunction=True)

# Function words dropped before lexical matching (not before embedding). Question words are kept out of the
# list on purpose where they carry intent in a FAQ ("why" vs "how"), except the most generic ones.
_ARABIC_STOP = """
    من الى إلى في على عن مع هل ما ماذا هذا هذه ذلك تلك التي الذي الذين اللذين هو هي هم هن انا أنا انت أنت
    نحن انتم أنتم ان أن إن او أو ثم قد لقد كان كانت يكون تكون لي لك له لها لنا لهم بي بك به بها بنا بهم
    عند لدي لدى عندي لديك عندك فيه فيها منه منها عليه عليها الخاص الخاصه بعض كل أي اي يا و ف ب ل ك
    هناك هنا ايضا أيضا فقط حتى اذا إذا لو كيف يمكن يمكنني يمكنك ممكن
"""
_ENGLISH_STOP = """
    a an the and or but if then so of to in on at by for from with about into over as is are was were be been
    being am do does did doing have has had having i me my mine myself we us our ours you your yours he him
    his she her hers it its they them their theirs this that these those there here what which who whom
    whose how can could would should will shall may might must just also too very s t d ll m re ve
    please hi hello thanks thank
"""
STOP_WORDS: frozenset[str] = frozenset(normalize(w) for w in (_ARABIC_STOP + _ENGLISH_STOP).split())

_AR_STEMMER = snowballstemmer.stemmer("arabic")
_EN_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem (Arabic or English by script) of a normalised word."""
    if word.isdigit():
        return word
    if is_arabic(word):
        return normalize(_AR_STEMMER.stemWord(word)) or word
    stemmed: str = _EN_STEMMER.stemWord(word)  # snowballstemmer is untyped
    return stemmed


def lexical_words(text: str) -> list[str]:
    """Normalised words with dialect words mapped to MSA and stop words dropped."""
    out: list[str] = []
    for word in normalize(text).split():
        for w in _DIALECT_LEXICAL.get(word, (word,)):
            if w not in STOP_WORDS:
                out.append(w)
    return out


def char_ngrams(words: list[str], min_n: int = 2, max_n: int = 4) -> Counter[str]:
    """Character n-grams inside word boundaries (like scikit-learn's ``analyzer="char_wb"``)."""
    return Counter(chain.from_iterable(_word_ngrams(w, min_n, max_n) for w in words))


@lru_cache(maxsize=200_000)
def _word_ngrams(word: str, min_n: int, max_n: int) -> tuple[str, ...]:
    padded = f" {word} "
    length = len(padded)
    return tuple(padded[i : i + n] for n in range(min_n, min(max_n, length) + 1) for i in range(length - n + 1))


def embedding_text(text: str) -> str:
    """What the embedding model reads: NFKC, lower case, no diacritics/tatweel/marks/punctuation, dialect -> MSA.

    Hamza and ta marbuta are kept (the model's tokenizer knows the standard spelling); dropping punctuation and
    lower-casing and mapping dialect words measured +5 points P@1 on English and +1-2 on Arabic (e5-small).
    """
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).casefold()
    text = ascii_digits(DIACRITICS.sub("", text).replace(TATWEEL, ""))
    words = (DIALECT_TO_MSA.get(normalize(w), w) for w in _NON_WORD.sub(" ", text).split())
    return " ".join(w for w in words if w)
