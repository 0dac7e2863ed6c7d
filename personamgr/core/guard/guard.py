"""The guard: one function that the compose window, the CLI and the scheduler's last check share."""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import numpy as np

from personamgr.core import heap
from personamgr.core.guard import languages, rules
from personamgr.core.guard.background import load as load_background
from personamgr.core.guard.common_words import CommonWords, language_of
from personamgr.core.guard.e5 import E5Reading
from personamgr.core.guard.embed import MODEL_DIR, Embedder
from personamgr.core.guard.languages import TABLE_LANGUAGES
from personamgr.core.guard.multilingual import Multilingual, shifted
from personamgr.core.guard.scoring import Calibration, Scorer, everyday_step, persona_key, with_everyday
from personamgr.core.guard.types import GuardResult, Reason
from personamgr.core.i18n import translate
from personamgr.core.personas import Persona
from personamgr.core.text import WARM_UP, Measure, measure_for, weighted_length

# MiniLM reads English only: a post in Spanish or Greek reaches it through its English gloss
# (``multilingual.Reading``), read against MiniLM's vectors of the glossed background posts of the post's
# language (``Guard._minilm_language_z``). ``Guard.load`` opens those vectors for every language of the word
# table, Japanese too: e5 reads a Japanese post, but a persona written in Japanese, checked on a Spanish or
# Greek post, is moved from the Japanese gloss's centre (``Guard._language_scorer``).
# A post longer than this (a pasted log, a whole file) has its topic judged on its beginning, where the
# topic shows: reading all of a huge paste held the checker for seconds and gigabytes, on every keystroke
# (bench/README.md, "huge pastes"). Ten Mastodon posts, 18 X posts; the length and the other checks still
# read the whole post.
TOPIC_CHARS = 5_000


class UnknownPersona(KeyError):
    """The draft names a persona that is not in the set."""


class Guard:
    """Checks drafts against personas. Load once (≈0.5 s, in a worker), then check as the user types."""

    def __init__(self, embedder: Embedder, background: np.ndarray, calibration: Calibration | None = None,
                 sections: np.ndarray | None = None) -> None:
        self.embedder = embedder
        self.background = np.asarray(background, dtype=np.float32)
        self.sections = sections  # background rows' topic sections (background.py); None: no knowledge base
        self.calibration = calibration or Calibration()
        self._scorers: OrderedDict[str, Scorer] = OrderedDict()
        self._lock = threading.Lock()
        self.load_seconds = 0.0
        self._last_key: tuple[tuple[Persona, ...], str] = ((), "")
        # X's counter (pure Python, ~0.6 ms) runs here while the caller's thread runs the model, which
        # releases the GIL: the two overlap on the second core instead of adding up. (The other way round,
        # the helper would wait for the GIL until the caller blocked, and nothing would overlap.)
        self._helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="guard-count")
        self.multilingual: Multilingual | None = None  # Spanish, Greek, Japanese (see multilingual.py)
        self.common_words: CommonWords | None = None  # names the Latin-script languages it cannot read
        # MiniLM's vectors of the English gloss of the background posts written in each language of the word
        # table, and their sections
        self.language_backgrounds: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        # multilingual-e5 (e5.py), loaded from here on the first post in Japanese (``MLSettings.e5_shares``)
        self.e5_dir: Path | None = None
        self._e5: E5Reading | None = None
        self._e5_lock = threading.Lock()

    @classmethod
    def load(cls, model_dir: Path = MODEL_DIR) -> Guard:
        """Load the shipped model (offline, no PyTorch)."""
        t0 = time.perf_counter()
        heap.keep_large_blocks_apart()  # freed large blocks leave the process (heap.py)
        # Inflating the model and building its session run mostly outside the GIL, so they overlap the
        # Python-bound rest (the word table's index, the background posts) on the second core.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="guard-load") as pool:
            model = pool.submit(Embedder.load, model_dir)
            bg, sections = load_background(model_dir)
            multilingual = Multilingual.load(model_dir)
            common_words = CommonWords.load(model_dir)
            language_backgrounds = {lang: load_background(model_dir, lang) for lang in TABLE_LANGUAGES}
            weighted_length(WARM_UP)  # X's counter loads its tables on first use; pay that here, not on a keystroke
            emb = model.result()
        g = cls(emb, bg, None, sections)
        g.multilingual = multilingual
        g.common_words = common_words
        g.language_backgrounds = language_backgrounds
        g.e5_dir = model_dir
        emb.embed(WARM_UP)
        g.load_seconds = time.perf_counter() - t0
        return g

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages whose posts the topic check reads: English, and those the word table covers."""
        ml = self.multilingual
        return ("en", *(lang for lang in languages.TABLE_LANGUAGES if ml is not None and ml.supports(lang)))

    def scorer(self, personas: Sequence[Persona]) -> Scorer:
        """Profiles for this persona set, computed once and cached by the personas' content."""
        last, key = self._last_key
        if len(last) != len(personas) or any(a is not b for a, b in zip(last, personas, strict=False)):
            key = persona_key(personas)  # hashing every persona's text costs ~0.1 ms: not on every keystroke
            self._last_key = (tuple(personas), key)
        with self._lock:
            sc = self._scorers.get(key)
            if sc is not None:
                self._scorers.move_to_end(key)
                return sc
        sc = Scorer(personas, self._minilm_embed(personas), self.background, self.calibration, self.sections)
        with self._lock:
            self._scorers[key] = sc
            while len(self._scorers) > 8:
                self._scorers.popitem(last=False)
        return sc

    def _focus_language(self, persona: Persona) -> str:
        ml = self.multilingual
        return "en" if ml is None else ml.persona_language(persona)

    def _minilm_embed(self, personas: Sequence[Persona]) -> Callable[[Sequence[str]], np.ndarray]:
        """MiniLM's ``embed_many`` for a persona set: a persona written in Spanish, Greek or Japanese is read
        through its English gloss (``WordTable.read``), as its posts are. Why: MiniLM reads English only, so
        the focus as written gave it next to nothing to match a glossed post against."""
        ml = self.multilingual
        glossed: dict[str, str] = {}
        if ml is not None:
            template = self.calibration.topic_template
            for p in personas:
                if self._focus_language(p) == "en":
                    continue
                for t in (p.description, *p.keywords, *p.examples, *p.avoid):
                    glossed.setdefault(t, ml.table.read(t).gloss or t)
                for t in p.topics:
                    g = ml.table.read(t).gloss or t
                    glossed.setdefault(t, g)
                    glossed.setdefault(template.replace("{}", t), template.replace("{}", g))
        if not glossed:
            return self.embedder.embed_many
        embed_many = self.embedder.embed_many

        def embed(texts: Sequence[str]) -> np.ndarray:
            return embed_many([glossed.get(t, t) for t in texts])

        return embed

    def prepare(self, personas: Sequence[Persona]) -> None:
        """Warm the cache for a persona set (call in the worker after load or after an edit)."""
        scored = with_everyday(personas)
        sc = self.scorer(scored)
        if self.multilingual is not None and self._static_weights(sc).any():
            self.multilingual.prepare_english(scored)

    def _english_scores(self, sc: Scorer, model_text: str, text: str, static: Future[np.ndarray | None] | None
                        ) -> tuple[np.ndarray, list[dict[str, object]]]:
        """MiniLM's calibrated scores, mixed with the static e5 table's (``Calibration.w_static``):
        two different representations rank posts better together than either alone (bench/README.md).
        ``static``: the table's scores, being computed on the helper thread while MiniLM runs here."""
        z, details = sc.score(self.embedder.embed(model_text), text)
        zs = None if static is None else static.result()
        if zs is not None:
            w = self._static_weights(sc)
            z = (1.0 - w) * z + w * zs
        return everyday_step(z, self.calibration), details

    def _other_language_scores(self, sc: Scorer, personas: Sequence[Persona], model_text: str, text: str,
                               language: str) -> tuple[np.ndarray, list[dict[str, object]], bool] | None:
        """(z, details, confident) for a post in Spanish, Greek or Japanese, on the English guard's scale.

        The word table reads the language. Beside it, in Japanese, multilingual-e5 reads the post in context
        (``MLSettings.e5_shares``); in Spanish and Greek, MiniLM, though trained on English, reads the post's
        English gloss (``MLSettings.minilm_shares``). Each model's z is calibrated against the ordinary posts of
        the post's language, and the two are mixed before the relative step. The table's tokenizer reads the
        post once, here, for its vector and (for MiniLM) the gloss; then MiniLM or e5 runs here while the table
        scores on the helper thread."""
        ml = self.multilingual
        assert ml is not None
        if not ml.supports(language):
            return None
        st = ml.settings
        e5 = self.e5_reading() if language in st.e5_shares else None
        read = ml.table.read(text, gloss=e5 is None)
        minilm = (e5 is None and language in self.language_backgrounds and language in st.minilm_shares
                  and bool(read.gloss.strip()))
        a = st.e5_shares[language] if e5 is not None else st.minilm_shares[language] if minilm else 0.0
        table = self._helper.submit(ml.score, personas, text, language, read)
        if e5 is not None:
            zm = e5.z(personas, model_text, language)
        else:
            zm = self._minilm_language_z(sc, read.gloss, text, language) if a else 0.0
        r = table.result()
        if r is None:
            return None
        z = everyday_step((1.0 - a) * r.z + a * zm, st.calibration)
        return z - st.thresholds[language] + self.calibration.threshold, r.details, r.confident

    def e5_reading(self) -> E5Reading | None:
        """multilingual-e5, loaded on the first post that needs it (about 0.5 s, in the caller's worker):
        ``Guard.load`` stays under a second, and a person who never posts in Japanese never holds it in memory."""
        if self.e5_dir is None or self.multilingual is None:
            return None
        with self._e5_lock:
            if self._e5 is None:
                self._e5 = E5Reading.load(self.e5_dir, self.multilingual.persona_language)
            return self._e5

    def _minilm_language_z(self, sc: Scorer, gloss: str, text: str, language: str) -> np.ndarray:
        """MiniLM's z per persona (before the relative step) for a post in ``language``, read through its
        English ``gloss``: the mean of its z against the English background and against the same posts
        written in ``language``, glossed the same way (each on those ordinary posts). Why both backgrounds:
        across languages MiniLM matches only what it can read, within one language also words shared by
        chance; the two err differently, and their mean ranks better than either (bench/README.md)."""
        v = self.embedder.embed(gloss)
        refs = sc.language_refs.get(language)
        if refs is None:
            rows, labels = self.language_backgrounds[language]
            z0 = np.array([sc.score(u, "")[0] for u in rows[labels < 0]])
            refs = sc.language_refs[language] = [(sc, z0.mean(axis=0), np.maximum(z0.std(axis=0), 1e-3)),
                                                 self._language_scorer(sc, language)]
        return np.mean([(s.score(v, text)[0] - m) / d for s, m, d in refs], axis=0)

    def _language_scorer(self, sc: Scorer, language: str) -> tuple[Scorer, np.ndarray, np.ndarray]:
        """The persona set's profiles against the background posts written in ``language`` as MiniLM reads
        them (through their English gloss), and the spread of their z over its ordinary posts. Why: MiniLM
        knows English only, and its vectors of a gloss sit far from English posts whatever they are about;
        against posts in the same language, on the same subjects as the English ones, glossed the same way,
        its reading tells subjects apart. The persona's text (as the persona set's MiniLM reads it) is moved
        there by the difference of the ordinary posts' means (the posts are parallel, so it is the shift
        between the languages), from its own language's, and its knowledge-base sections are those chosen in
        English, where its text and the posts share a language."""
        ml = self.multilingual
        assert ml is not None and self.sections is not None
        rows, labels = self.language_backgrounds[language]
        target = rows[labels < 0].mean(axis=0)
        centres = {"en": self.background[self.sections < 0].mean(axis=0)}
        centres.update((lang, r[lab < 0].mean(axis=0)) for lang, (r, lab) in self.language_backgrounds.items())
        embed = shifted(self._minilm_embed(sc.personas), sc.personas,
                        lambda p: target - centres.get(ml.persona_language(p), centres["en"]),
                        target - centres["en"])
        weights = [p.kb_weights for p in sc.profiles]
        lsc = Scorer(sc.personas, embed, rows, self.calibration, labels,
                     kb_weights=None if any(w is None for w in weights) else weights)
        zs = np.array([lsc.score(v, "")[0] for v in rows[labels < 0]])
        return lsc, zs.mean(axis=0), np.maximum(zs.std(axis=0), 1e-3)

    def _static_weights(self, sc: Scorer) -> np.ndarray:
        """Per persona, the table's share of an English post's score: ``Calibration.w_static``, or all of
        it for a persona written in another language, whose text MiniLM (English only) cannot read."""
        if sc.static_weights is None:
            ml = self.multilingual
            sc.static_weights = np.array(
                [1.0 if ml is not None and ml.persona_language(p) != "en" else self.calibration.w_static
                 for p in sc.personas] if ml is not None else [0.0] * len(sc.personas))
        return sc.static_weights

    def _threshold(self, p: Persona, language: str) -> float:
        """A persona's topic threshold in a set for a post in ``language``: its sensitivity's, higher when it
        has examples (``Calibration.examples_shift``; ``MLSettings.examples_shifts`` for posts that path reads)."""
        cal = self.calibration
        return (cal.threshold + cal.sensitivity_shift.get(str(p.sensitivity), 0.0)
                + (self.examples_shift(language) if p.examples else 0.0))

    def examples_shift(self, language: str) -> float:
        """How much higher the threshold of a persona with examples sits, for a post in ``language``."""
        ml = self.multilingual
        if ml is not None and language in ml.settings.examples_shifts:
            return ml.settings.examples_shifts[language]
        return self.calibration.examples_shift

    def check(self, personas: Sequence[Persona], text: str, persona: str, *,
              recent: Mapping[str, Sequence[str]] | None = None,
              upcoming: Mapping[str, Sequence[str]] | None = None) -> GuardResult:
        """Judge ``text`` as a post on ``persona``. ``recent``: persona name -> its recent posts, newest first;
        ``upcoming``: its posts on their way out, the last to go first (when the post is being written or
        scheduled: it will sit among them)."""
        by_name = {p.name: p for p in personas}
        me = by_name.get(persona)
        if me is None:
            raise UnknownPersona(persona)
        cal = self.calibration
        topic = text[:TOPIC_CHARS]
        language = language_of(topic, self.common_words)
        if self.multilingual is not None:
            language = self.multilingual.refine_language(topic, language)
        empty = not text.strip()
        model_text = clean_for_model(topic)
        counted: Future[Measure] = self._helper.submit(measure_for, me, text)
        scored = with_everyday(personas)
        sc = self.scorer(scored)
        static: Future[np.ndarray | None] | None = None
        if self.multilingual is not None and language == "en" and not empty and self._static_weights(sc).any():
            # the table's opinion (~0.3 ms, holds the GIL) runs on the helper too, overlapping MiniLM
            static = self._helper.submit(self.multilingual.english_z, scored, topic)
        limit = me.char_limit
        names = [p.name for p in personas]
        idx = names.index(persona)
        reasons: list[Reason] = []
        ml = (self._other_language_scores(sc, scored, model_text, topic, language)
              if self.multilingual is not None and language != "en" and not empty else None)
        if ml is None:
            z, details = self._english_scores(sc, model_text, topic, static)
        else:
            z, details = ml[0], ml[1]
        measured = counted.result()
        length = measured.length
        scores = {n: sc.display(float(s)) for n, s in zip(names, z, strict=True)}
        threshold = self._threshold(me, language)
        if len(names) == 1:
            threshold += (cal.alone_shift if ml is None or self.multilingual is None
                          else self.multilingual.settings.alone_shifts[language])
        mine = float(z[idx])
        det = details[idx]
        too_little = not empty and not _has_words(topic)
        reads = self.languages
        unreadable = languages.unreadable_focus(me, reads, self.common_words)  # a focus it cannot read
        readable = language == "en" or (ml is not None and ml[2])  # the post's language, well enough to judge
        judged = readable and not empty and not too_little and unreadable is None
        fits_topic = True
        suggest: str | None = None
        # Only a persona whose own check the post would pass is offered: one that merely scores less badly
        # would warn again after the move.
        candidates = [k for k in range(len(names))
                      if k != idx and z[k] >= self._threshold(by_name[names[k]], language)
                      and languages.unreadable_focus(sc.personas[k], reads, self.common_words) is None]
        if candidates:
            j = max(candidates, key=lambda k: z[k])
            if judged and z[j] > mine:
                suggest = names[j]
        if empty:
            reasons.append(Reason("empty", translate("guard", "Nothing to check yet."), warning=False))
        elif too_little:
            reasons.append(Reason("empty", translate(
                "guard", "Too few words to judge the topic yet; the other checks still ran."), warning=False,
                summary=translate("guard", "Too few words to judge the topic yet")))
        elif not readable:
            reasons.append(_cannot_judge(language, bool(
                self.multilingual and self.multilingual.supports(language)), reads))
        elif unreadable is not None:
            reasons.append(_cannot_read_focus(me, unreadable, reads))
        else:
            fits_topic = mine >= threshold
            matched = _match_text(det)
            if not fits_topic:
                reasons.append(Reason.found("topic", _off_focus_values(me, suggest)))
            elif matched:
                reasons.append(Reason("match", translate("guard", "On focus for {persona}: {matched}.").format(
                    persona=me.name, matched=matched), warning=False))
        semantic_avoid = list(det.get("avoid", ())) if judged else []
        for r in (
            rules.avoid_rule(me, text, semantic_avoid),
            rules.leak_rule(personas, me, text),
            rules.duplicate_rule(me, text, recent, personas, upcoming),
            rules.length_rule(me, measured),
            rules.cashtag_rule(me, text),
            rules.link_streak_rule(me, text, recent, upcoming),
        ):
            if r is not None:
                reasons.append(r)
        fits = fits_topic and not any(r.warning for r in reasons)
        example = det.get("example")
        return GuardResult(
            persona=persona,
            fits=fits,
            score=scores[persona],
            scores=scores,
            suggest=suggest,
            reasons=tuple(reasons),
            length=length,
            too_long=measured.too_long,
            limit=limit,
            language=language,
            judged=judged,
            matched_topics=tuple(det.get("topics", ())),  # type: ignore[arg-type]
            matched_keywords=tuple(det.get("keywords", ())),  # type: ignore[arg-type]
            matched_example=example[0] if isinstance(example, tuple) and example[1] >= 0.5 else None,
            threshold=sc.display(threshold),
            extra={"raw": mine},
        )


_URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
_MENTION = re.compile(r"(?<!\w)@\w{1,15}")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# a word of three letters or more, or one character of a script written without spaces (CJK, kana, hangul)
_WORDISH = re.compile(r"[^\W\d_]{3,}|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _has_words(text: str) -> bool:
    """Whether a post says enough to have a topic: a draft of "x", "ok" or a bare link has none, and the
    meter must not warn on the first keystrokes (nor the send-time check on a one-word reply)."""
    return _WORDISH.search(_MENTION.sub(" ", _URL.sub(" ", text))) is not None


def clean_for_model(text: str) -> str:
    """What the topic model should read: no links or handles; hashtags as words (#HeavyMetal -> Heavy Metal)."""
    t = _URL.sub(" ", text)
    t = _MENTION.sub(" ", t)
    t = re.sub(r"#(\w+)", lambda m: _CAMEL.sub(" ", m.group(1)), t)
    t = " ".join(t.split())
    return t or text


def _cannot_judge(language: str, supported: bool, reads: Sequence[str]) -> Reason:
    """Why the topic of a post in ``language`` was not judged, naming the languages the check does read."""
    lang = languages.name(language)
    if supported:
        message = (translate("guard", "The topic check knows too few words of {language}, so it cannot judge this "
                             "post; the other checks still ran.").format(language=lang) if lang else
                   translate("guard", "The topic check knows too few words of this language, so it cannot judge "
                             "this post; the other checks still ran."))
        summary = (translate("guard", "Knows too few words of {language} to judge").format(language=lang) if lang
                   else translate("guard", "Knows too few words of this language to judge"))
        return Reason("language", message, warning=False, summary=summary)
    if tuple(reads) == ("en",):
        message = (translate("guard", "The topic check reads English only, so it cannot judge a post in {language}; "
                             "the other checks still ran.").format(language=lang) if lang else
                   translate("guard", "The topic check reads English only, so it cannot judge a post in this "
                             "language; the other checks still ran."))
    else:
        message = (translate("guard", "The topic check reads {languages}, not {language}, so it cannot judge this "
                             "post; the other checks still ran.").format(languages=languages.name_list(reads),
                                                                         language=lang) if lang else
                   translate("guard", "The topic check reads {languages}, so it cannot judge a post in this "
                             "language; the other checks still ran.").format(languages=languages.name_list(reads)))
    summary = (translate("guard", "Cannot judge the topic of a post in {language}").format(language=lang) if lang
               else translate("guard", "Cannot judge the topic in this language"))
    return Reason("language", message, warning=False, summary=summary)


def _cannot_read_focus(me: Persona, language: str, reads: Sequence[str]) -> Reason:
    """A persona whose focus is written in a language the check cannot read: every post on it would look
    off focus, so the topic is not judged, and the person learns why (and what would help)."""
    lang = languages.name(language) or language
    return Reason("language", translate(
        "guard", "The topic check cannot read {persona}'s focus, written in {language} (it reads {languages}), so it "
        "does not judge the topic of posts on {persona}; the other checks still ran. Write the description or topics "
        "in one of those languages to have it judged.").format(languages=languages.name_list(reads), persona=me.name,
                                                              language=lang),
        warning=False, summary=translate("guard", "Cannot read {persona}'s focus, written in {language}").format(
            persona=me.name, language=lang))


def _off_focus_values(me: Persona, suggest: str | None) -> dict[str, str]:
    """What the topic warning says: the persona, its focus, and the persona the post fits better."""
    found = {"persona": me.name}
    if me.focus_summary:
        found["focus"] = me.focus_summary
    if suggest:
        found["fits_better"] = suggest
    return found



def _match_text(det: Mapping[str, object]) -> str:
    parts = []
    topics = det.get("topics") or []
    keywords = det.get("keywords") or []
    if topics:
        parts.append(translate("guard", "topics {list}").format(list=", ".join(topics)))  # type: ignore[arg-type]
    if keywords:
        parts.append(translate("guard", "keywords {list}").format(list=", ".join(keywords)))  # type: ignore[arg-type]
    ex = det.get("example")
    if isinstance(ex, tuple) and ex[0] and ex[1] >= 0.5:
        short = ex[0] if len(ex[0]) <= 60 else ex[0][:57].rstrip() + "…"
        parts.append(translate("guard", "close to your example “{example}”").format(example=short))
    return "; ".join(parts)
