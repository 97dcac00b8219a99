"""Stance: who takes which position toward which actor or issue, with the evidence.

Rules, all driven by ``codebooks/stance.yaml``:

1. **Cues.** Each match of a cue family (support, side_with, oppose, reject, deny,
   urge, welcome, thank, neutral, refrain, stop, ...) is a candidate position. A cue
   inside a named issue ("military supporter" contains "support") or an actor name
   ("Non-Aligned Movement") is part of that name, not a cue.
2. **Negation.** A negator within ``negation.scope`` words before a cue, with no
   clause boundary between, turns the cue into its ``negated`` form ("does not side
   with" is a neutral declaration; "don't support" is opposition) or drops it
   ("did not urge" expresses nothing).
3. **Holder.** The actor right before the cue with only auxiliaries or adverbs
   between ("Cambodia strictly adheres", "Hun Sen has dismissed"), or a possessive
   ("Cambodia's support for"); "I" is the speaker and "we" the speaker's state;
   otherwise the speaker of the sentence (quotation or reported speech); otherwise
   the first actor of the sentence before the cue.
4. **Target.** The first actor or issue after the cue in its clause, with
   coordinated ones ("Russia and Ukraine"); "X's Y" gives the issue Y. An appeal
   (``targets: complement``) is about what the addressee is asked to do: a cue
   inside its complement ("urge X to discontinue weapon supplies") becomes that
   finding with act ``urge``; otherwise the first issue of the complement is
   supported. A neutral declaration without a named target is about
   ``neutral_default_target`` (the parties to the conflict).
5. **Qualifiers.** ``hedged`` and ``boosted`` when a hedge or booster occurs in the
   sentence; ``modality`` is the nearest modal verb before the cue in its clause.

One row per (sentence, holder, target, cue).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .lexicon import PhraseMatcher
from .mentions import ActorIndex, Attribution, DocumentMentions, Mention, actor_index, analyse_documents
from .settings import Actor, CueFamily
from .text import rows_by_document

STANCE_COLUMNS = ["doc_id", "sentence_id", "char_start", "char_end", "holder", "holder_affiliation", "holder_type",
                  "target", "target_type", "stance", "act", "cue", "cue_start", "cue_end", "negated", "hedged",
                  "boosted", "modality", "attribution", "speaker", "resolved_holder", "addressee", "evidence"]

#: Words allowed between a holder and its cue ("Cambodia has always strictly adhered").
_AUX = re.compile(
    r"^(?:\s+|\b(?:has|have|had|is|are|was|were|be|been|being|will|would|shall|should|can|could|may|might|must|"
    r"do|does|did|not|n[’']t|never|also|still|always|often|again|further|now|previously|once|already|"
    r"reportedly|officially|publicly|repeatedly|then|later|too|thus|therefore|however|ostensibly|"
    r"to|would\s+be|\w+ly|\w+n[’']t|from|refrain|refrains|refrained|\w+ing)\b|[’']s\b|[’']d\b|[’']ll\b)*$", re.I)
#: Possessive holder: "Cambodia's (continued|principled position in) support for".
_POSSESSIVE = re.compile(r"^[’']s?(?:\s+(?!(?:is|are|was|were|has|have|had|will|would|be)\b)[\w-]+){0,3}\s+$", re.I)
#: A subject pronoun we do not resolve ("it would provide"): better no holder than a guessed one.
_OPAQUE_SUBJECT = re.compile(r"\b(?:it|they|which|that|who)\s*$", re.I)
_BOUNDARY = re.compile(r"[;:]|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|\bbecause\b|\bas\s+he\b|"
                       r"\bas\s+she\b", re.I)
_RELATIVE = re.compile(r"^,\s+(?:who|which|a|an|the)\b[^,;:]{0,150},\s*(?:\w+ly\s+)?$")
_ITS = re.compile(r"\b(?:its|their)(?:\s+[\w-]+){0,2}\s+$", re.I)
_COORD = re.compile(r"^(?:\s*(?:,|and|or|as well as|&|nor)\s*)+$", re.I)
_FIRST_PERSON = re.compile(r"(?<![\w’'])(I|we|We|us|our|Our)(?![\w’'])")
_GAP_WORDS = re.compile(r"[\w’'-]+")
#: A second cue coordinated with the first shares its holder: "rejects X and does not side with Y".
_COORDINATED = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or|but|as well as)\s+)?(?:(?:has|have|had|is|are|was|were|will|"
                          r"would|do|does|did|also|still|always|then|\w+ly)\s+)*$", re.I)


@dataclass
class Lexicon:
    cues: PhraseMatcher
    negators: PhraseMatcher
    hedges: PhraseMatcher
    boosters: PhraseMatcher
    modals: PhraseMatcher
    conditionals: PhraseMatcher
    scope: int
    neutral_target: str
    neutral_targets: tuple[str, ...]


@lru_cache(maxsize=4)
def stance_lexicon(codebook_dir: str | None = None) -> Lexicon:
    books = actor_index(codebook_dir).books
    return Lexicon(
        cues=PhraseMatcher([(p, fam) for fam in books.cues for p in fam.patterns], case="insensitive"),
        negators=PhraseMatcher([(p, p) for p in books.negators], case="insensitive"),
        hedges=PhraseMatcher([(p, p) for p in books.hedges], case="insensitive"),
        boosters=PhraseMatcher([(p, p) for p in books.boosters], case="insensitive"),
        modals=PhraseMatcher([(p, p) for p in books.modals], case="insensitive"),
        conditionals=PhraseMatcher([(p, p) for p in books.conditionals], case="insensitive"),
        scope=books.negation_scope,
        neutral_target=books.neutral_default_target,
        neutral_targets=books.neutral_targets,
    )


@dataclass
class Finding:
    holder: Actor | None
    holder_resolved: bool
    target: Mention | str
    stance: str
    act: str
    cue_start: int
    cue_end: int
    cue: str
    negated: bool
    modality: str
    addressee: str = ""


def _clause(text: str, s: int, e: int, pos: int) -> tuple[int, int]:
    """The clause around ``pos``: between the nearest boundaries inside the sentence."""
    start, end = s, e
    for m in _BOUNDARY.finditer(text, s, e):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _negated(text: str, cue_start: int, clause_start: int, negs: list, scope: int) -> bool:
    for n in negs:
        if n.end <= cue_start and n.start >= clause_start:
            gap = text[n.end:cue_start]
            if "," in gap or len(_GAP_WORDS.findall(gap)) > scope:
                continue
            return True
    return False


def _speaker_state(att: Attribution) -> Actor | None:
    sp = att.speaker
    if sp is None:
        return None
    if sp.type in ("state", "organisation") or not sp.affiliation:
        return sp
    return Actor(name=sp.affiliation, type="state", source="country")


def _subject_like(text: str, m: Mention) -> bool:
    from .mentions import _is_subject_candidate

    return _is_subject_candidate(text, m)


def _strip_aux(before: str) -> str:
    """``before`` without the auxiliaries and adverbs that end it ("it would " -> "it")."""
    words = before.rstrip().split()
    while words and _AUX.match(" " + words[-1]):
        words.pop()
    return " ".join(words)


def _holder(text: str, cue_start: int, clause_start: int, sent_start: int, mentions: list[Mention],
            att: Attribution, quoted: bool) -> tuple[Actor | None, bool, Mention | None]:
    actors = [m for m in mentions if m.kind == "actor" and m.actor is not None and m.end <= cue_start]
    in_clause = [m for m in actors if m.start >= clause_start]
    # First person right before the cue, inside a quotation: the speaker or the speaker's state.
    fp = [m for m in _FIRST_PERSON.finditer(text, clause_start, cue_start)]
    if fp and quoted:
        last = fp[-1]
        if not in_clause or in_clause[-1].end <= last.start():
            word = last.group(1).lower()
            who = att.speaker if word == "i" else _speaker_state(att)
            if who is not None:
                return who, True, None
    if in_clause:
        last = in_clause[-1]
        gap = text[last.end:cue_start]
        if _AUX.match(gap) or _POSSESSIVE.match(gap):
            return last.actor, last.resolved, last
        for m in in_clause:  # "Minister Thuch, who also serves as ..., welcomed"
            gap = text[m.end:cue_start]
            if _RELATIVE.match(gap) and m.is_person:
                return m.actor, m.resolved, m
        opaque = _OPAQUE_SUBJECT.search(_strip_aux(text[max(clause_start, cue_start - 60):cue_start]))
        if opaque:
            if opaque.group(0).strip().lower() == "it":
                owner = next((m for m in reversed(actors) if m.start >= sent_start and m.end <= opaque.start() +
                              max(clause_start, cue_start - 60) and m.actor.type in ("state", "organisation")
                              and _subject_like(text, m)), None)
                if owner is not None:  # "Cambodia demonstrates ... that it adheres to"
                    return owner.actor, True, owner
            return None, False, None
        if _ITS.search(text[max(clause_start, cue_start - 30):cue_start]):
            owner = next((m for m in reversed(in_clause) if m.actor.type in ("state", "organisation")), None)
            if owner is not None:  # "Cambodia for its support": the state it refers to
                return owner.actor, True, owner
    if not in_clause and clause_start > sent_start and _AUX.match(text[clause_start:cue_start]):
        # A clause without a subject ("... but would welcome") shares the previous clause's.
        prior = [m for m in actors if sent_start <= m.start and m.end <= clause_start and _subject_like(text, m)]
        if prior:
            return prior[-1].actor, prior[-1].resolved, prior[-1]
    if att.attribution == "reported" and 0 <= att.verb_end <= cue_start:
        # "X said the Kingdom played a role in supporting Ukraine": the content's own subject holds it.
        content = [m for m in actors if att.verb_end <= m.start and _subject_like(text, m)
                   and m.source != "demonym" and m.start >= clause_start]
        if content:
            return content[0].actor, content[0].resolved, content[0]
    if att.speaker is not None:
        return att.speaker, att.resolved, None
    subjects = [m for m in actors if m.start >= sent_start and m.source != "demonym" and _subject_like(text, m)]
    if subjects:
        return subjects[0].actor, subjects[0].resolved, subjects[0]
    return None, False, None


def _targets(text: str, start: int, end: int, mentions: list[Mention], holder: Actor | None,
             prefer: str = "any") -> list[Mention]:
    after = [m for m in mentions if m.start >= start and m.end <= end and m.source != "demonym"
             and not (holder is not None and m.canonical == holder.name)]
    if not after:
        return []
    if prefer == "issue_only":
        after = [m for m in after if m.kind == "issue"]
        if not after:
            return []
        prefer = "issue"
    first = after[0]
    preferred = [m for m in after if m.kind == prefer]
    if preferred:
        first = preferred[0]
    elif prefer == "actor":
        first = after[0]
    if prefer == "any" and first.kind == "actor":
        # "Ukraine's bid to become an ASEAN partner": the issue, not the possessor.
        nxt = next((m for m in after if m.start > first.end), None)
        if nxt is not None and nxt.kind == "issue" and re.match(r"^[’']s?\b", text[first.end:first.end + 2]) \
                and nxt.start - first.end < 40:
            first = nxt
    chosen = [first]
    for m in after[after.index(first) + 1:]:
        if m.kind == first.kind and _COORD.match(text[chosen[-1].end:m.start]):
            chosen.append(m)
        else:
            break
    return chosen


def _appeal_addressee(text: str, cue_end: int, mentions: list[Mention]) -> Mention | None:
    """Who an appeal is addressed to: the mention right after the cue ("urged all sides to")."""
    nxt = next((m for m in mentions if m.start >= cue_end), None)
    if nxt is None or len(_GAP_WORDS.findall(text[cue_end:nxt.start])) > 3:
        return None
    if nxt.kind == "actor" or nxt.canonical in ("conflict_parties",):
        return nxt
    return None


def sentence_findings(text: str, s: int, e: int, mentions: list[Mention], att: Attribution, quoted: bool,
                      lex: Lexicon) -> list[Finding]:
    """The stance findings of one sentence (see the module docstring for the rules)."""
    names = [m for m in mentions if m.kind == "issue" or m.source in ("codebook", "country")]
    cues = []
    for c in lex.cues.finditer(text, s, e):
        inside = any(m.start <= c.start and c.end <= m.end and (m.end - m.start) > (c.end - c.start) for m in names)
        if not inside:
            cues.append(c)
    if not cues:
        return []  # every finding starts at a cue: most sentences end here
    negs = list(lex.negators.finditer(text, s, e))
    modals = list(lex.modals.finditer(text, s, e))
    conditionals = list(lex.conditionals.finditer(text, s, e))
    findings: list[Finding] = []
    appeals: list[dict] = []  # pending appeals: {"finding", "targets", "start", "end", "inner"}
    consumed: list[tuple[int, int]] = []
    previous: tuple[int, int, Actor, bool] | None = None  # (last cue end, last target end, holder, resolved)
    for i, c in enumerate(cues):
        fam: CueFamily = c.payload
        if any(a <= c.start < b for a, b in consumed):
            continue  # part of another cue's target ("support ... providing assistance")
        if re.match(r"\s+from\b", text[c.end:c.end + 6]) and fam.stance == "support" and fam.targets != "complement":
            continue  # "support from international partners": the holder follows, the target is unnamed
        clause_start, clause_end = _clause(text, s, e, c.start)
        commas = [clause_start + m.end() for m in re.finditer(",", text[clause_start:c.start])]
        segment_start = commas[-1] if commas else clause_start
        if any(segment_start <= k.start < c.start for k in conditionals):
            continue  # hypothetical: "if we show support to any side"
        negated = _negated(text, c.start, clause_start, negs, lex.scope)
        if fam.id == "refrain":
            nxt = cues[i + 1] if i + 1 < len(cues) else None
            if nxt is not None and len(_GAP_WORDS.findall(text[c.end:nxt.start])) <= lex.scope \
                    and "," not in text[c.end:nxt.start]:
                continue  # only the negator of the next cue ("refrain from expressing support")
        stance, act = fam.stance, fam.act
        if fam.only_negated and not negated:
            continue
        if negated:
            if fam.negated is None:
                continue
            stance, act = fam.negated
        if previous is not None and any(p <= c.start and _COORDINATED.match(text[p:c.start]) for p in previous[:2]):
            holder, resolved, holder_m = previous[2], previous[3], None  # "rejects X and does not side with Y"
        else:
            holder, resolved, holder_m = _holder(text, c.start, clause_start, s, mentions, att, quoted)
        modality = next((m.text.lower() for m in reversed(modals) if clause_start <= m.start < c.start), "")
        containing = [a for a in appeals if a["start"] <= c.start < a["end"]]
        appeal = containing[0] if containing else None
        if appeal is not None:
            act = "urge"
            holder, resolved = appeal["finding"].holder, appeal["finding"].holder_resolved
            for a in containing:
                a["inner"] = min(a["inner"], c.start)
        if fam.targets == "complement":
            addressee = _appeal_addressee(text, c.end, mentions)
            comp_start = addressee.end if addressee is not None else c.end
            direct = next((m for m in mentions if m.start >= c.end and m.kind == "issue"), None)
            if addressee is not None or direct is None or len(_GAP_WORDS.findall(text[c.end:direct.start])) > 2:
                # The request proper starts at "to"/"for": "urge NATO ... to inhibit", "called for a dialogue".
                comp = re.search(r"\b(?:to|for)\b", text[comp_start:clause_end])
                comp_start = comp_start + comp.start() if comp else clause_end
            f = Finding(holder, resolved, "", stance, act, c.start, c.end, c.text, negated, modality,
                        addressee.canonical if addressee is not None else "")
            targets = [t for t in _targets(text, comp_start, clause_end, mentions, holder, "issue")
                       if t.kind == "issue"]
            appeals.append({"finding": f, "targets": targets, "start": c.end, "end": clause_end, "inner": e})
            previous = (c.end, c.end, holder, resolved) if holder is not None else previous
            continue
        prefer = "issue" if appeal is not None else fam.prefer
        if fam.targets == "before" and att.speaker is not None:
            holder, resolved, holder_m = att.speaker, att.resolved, None  # the claim is the subject; who judges it speaks
        if fam.targets == "before":
            targets = [m for m in mentions if clause_start <= m.start and m.end <= c.start and m is not holder_m
                       and m.source != "demonym" and not (holder is not None and m.canonical == holder.name)]
            issues = [m for m in targets if m.kind == "issue"]
            targets = (issues if prefer == "issue" and issues else targets)[-1:]
        else:
            targets = _targets(text, c.end, clause_end, mentions, holder, prefer)
        if att.speaker is not None:  # ", Foreign Minister X said": the speaker is not the target
            targets = [t for t in targets if not (isinstance(t, Mention) and t.canonical == att.speaker.name)]
        if act == "neutral_declaration":
            named = [t for t in targets if t.kind == "issue" and t.canonical in lex.neutral_targets] or \
                    [t for t in targets if t.kind == "actor"]
            targets = named or [lex.neutral_target]
        elif negated and targets and all(t.kind == "issue" and t.canonical in lex.neutral_targets for t in targets):
            stance, act = "neutral", "neutral_declaration"  # not supporting any side is neutrality
        if stance == "support" and targets and all(getattr(t, "canonical", t) == "neutrality" for t in targets):
            stance, act, targets = "neutral", "neutral_declaration", [lex.neutral_target]
        for t in targets:
            findings.append(Finding(holder, resolved, t, stance, act, c.start, c.end, c.text, negated, modality,
                                    appeal["finding"].addressee if appeal is not None else ""))
            if isinstance(t, Mention):
                consumed.append((t.start, t.end))
        if holder is not None:
            last_end = max([c.end] + [t.end for t in targets if isinstance(t, Mention)])
            previous = (c.end, last_end, holder, resolved)
    for a in appeals:
        # An appeal is about what it asks for: its own targets before any cue in its complement;
        # with a cue in the complement and nothing before it, that cue's finding says it all.
        for t in a["targets"]:
            if t.start < a["inner"]:
                findings.append(Finding(**{**a["finding"].__dict__, "target": t}))
    return _merge([f for f in findings if f.holder is not None and f.target != ""
                   and not (isinstance(f.target, Mention) and f.target.canonical == f.holder.name)])


def _target_key(t: Mention | str) -> str:
    return t.canonical if isinstance(t, Mention) else t


def _merge(findings: list[Finding]) -> list[Finding]:
    """One finding per (holder, target): a declared neutrality outranks a support for the same
    target in the same sentence ("support for any party would violate our neutrality");
    otherwise the first cue is kept and later cues are listed with it."""
    out: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.holder.name, _target_key(f.target), f.stance)
        neutral_key = (f.holder.name, _target_key(f.target), "neutral")
        if f.stance == "support" and neutral_key in out:
            continue
        if f.stance == "neutral":
            out.pop((f.holder.name, _target_key(f.target), "support"), None)
        if key in out:
            first = out[key]
            if f.cue.lower() not in first.cue.lower().split("; "):
                first.cue = f"{first.cue}; {f.cue}"
            continue
        out[key] = f
    return list(out.values())


def document_stance(doc_id: str, text: str, sentences: list[tuple[int, int, int, bool]], dm: DocumentMentions, *,
                    index: ActorIndex, lex: Lexicon) -> list[tuple]:
    """Stance rows of one document; ``sentences``: (sentence_id, char_start, char_end, in_quote)."""
    rows = []
    issue_labels = index.issue_labels
    for sid, s, e, in_quote in sentences:
        mentions = dm.by_sentence.get(sid, [])
        att = dm.attribution.get(sid, Attribution())
        quoted = att.attribution == "direct_quote" or bool(in_quote)
        found = sentence_findings(text, s, e, mentions, att, quoted, lex)
        if not found:
            continue
        hedged = any(True for _ in lex.hedges.finditer(text, s, e))
        boosted = any(True for _ in lex.boosters.finditer(text, s, e))
        seen = set()
        for f in found:
            if isinstance(f.target, Mention):
                target = f.target.canonical if f.target.kind == "actor" else issue_labels[f.target.canonical]
                target_type = f.target.actor.type if f.target.kind == "actor" else "issue"
            else:
                target, target_type = issue_labels.get(f.target, f.target), "issue"
            key = (f.holder.name, target, f.stance, f.act, f.cue_start)
            if key in seen:
                continue
            seen.add(key)
            h = f.holder
            rows.append((doc_id, sid, s, e, h.name, h.affiliation or (h.name if h.type == "state" else ""), h.type,
                         target, target_type, f.stance, f.act, f.cue, f.cue_start, f.cue_end, f.negated, hedged,
                         boosted, f.modality, att.attribution,
                         att.speaker.name if att.speaker is not None else "", f.holder_resolved, f.addressee,
                         text[s:e]))
    return rows


def stance_table(documents: pd.DataFrame, sentences: pd.DataFrame, *, codebooks: str | None = None,
                 analysed: dict[str, DocumentMentions] | None = None) -> pd.DataFrame:
    """``stance.csv``: one row per (sentence, holder, target) finding."""
    index = actor_index(codebooks)
    lex = stance_lexicon(codebooks)
    analysed = analysed if analysed is not None else analyse_documents(documents, sentences, codebooks=codebooks)
    by_doc = rows_by_document(sentences, ["sentence_id", "char_start", "char_end", "in_quote"])
    rows = []
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        if doc_id in by_doc:
            rows.extend(document_stance(doc_id, text, by_doc[doc_id], analysed[doc_id], index=index, lex=lex))
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)


# --------------------------------------------------------------------------- summaries for the notebook

def select(stance: pd.DataFrame, *, holders: list[str] | None = None, targets: list[str] | None = None,
           min_evidence: int = 1) -> pd.DataFrame:
    """Findings for the chosen holders and targets (all when empty), keeping only
    (holder, target) pairs resting on at least ``min_evidence`` sentences."""
    out = stance
    if holders:
        out = out[out["holder"].isin(holders)]
    if targets:
        out = out[out["target"].isin(targets)]
    support = out.groupby(["holder", "target"])["sentence_id"].transform("size")
    return out[support >= min_evidence]


def stance_matrix(stance: pd.DataFrame) -> pd.DataFrame:
    """Holder x target counts by stance: columns support, oppose, neutral, sentences, net
    (support minus oppose). One row per (holder, target) pair."""
    counts = stance.pivot_table(index=["holder", "target"], columns="stance", values="sentence_id",
                                aggfunc="count", fill_value=0)
    for col in ("support", "oppose", "neutral"):
        if col not in counts:
            counts[col] = 0
    counts = counts[["support", "oppose", "neutral"]]
    counts["sentences"] = stance.groupby(["holder", "target"]).apply(
        lambda g: g[["doc_id", "sentence_id"]].drop_duplicates().shape[0], include_groups=False)
    counts["net"] = counts["support"] - counts["oppose"]
    counts.columns.name = None
    return counts.reset_index().sort_values(["sentences", "holder", "target"], ascending=[False, True, True],
                                            kind="mergesort").reset_index(drop=True)


def stance_by_period(stance: pd.DataFrame, documents: pd.DataFrame, *, period: str = "year") -> pd.DataFrame:
    """Findings per publication period (``year`` or ``month``) and stance. The period comes from the
    date or the inferred interval (:func:`analysis.timeline.period_of`); otherwise ``undated``."""
    from .timeline import period_of

    periods = period_of(documents, granularity=period)
    df = stance.assign(period=stance["doc_id"].map(periods).fillna("undated"))
    table = df.pivot_table(index="period", columns="stance", values="sentence_id", aggfunc="count", fill_value=0)
    table.columns.name = None
    return table.reindex(columns=[c for c in ("support", "oppose", "neutral") if c in table.columns])


def statements(stance: pd.DataFrame, documents: pd.DataFrame, *, kind: str) -> pd.DataFrame:
    """Evidence tables: ``strongest`` (boosted or direct quotes), ``hedged``, ``denied`` (act deny,
    dismiss or reject), or ``all``; with the article title and URL to go back to the source."""
    masks = {
        "strongest": stance["boosted"] | (stance["attribution"] == "direct_quote"),
        "hedged": stance["hedged"],
        "denied": stance["act"].isin(["deny", "dismiss", "reject"]),
        "all": pd.Series(True, index=stance.index),
    }
    if kind not in masks:
        raise ValueError(f"kind must be one of {', '.join(masks)}")
    meta = documents.set_index("doc_id")[["title", "url"]]
    out = stance[masks[kind]].join(meta, on="doc_id")
    cols = ["holder", "target", "stance", "act", "cue", "attribution", "hedged", "boosted", "doc_id", "sentence_id",
            "char_start", "char_end", "evidence", "title", "url"]
    return out[cols].sort_values(["holder", "target", "doc_id", "sentence_id"], kind="mergesort") \
        .reset_index(drop=True)
