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
from dataclasses import dataclass, field, replace

import pandas as pd

from ..config.codebooks import Actor, Codebooks, CueFamily, StanceBook
from ..lang.en import FUNCTION_WORDS
from ..schema import STANCE_COLUMNS, Stage
from ..text.layer import rows_by_document
from .lexicon import Match, PhraseMatcher, lowered, trie_regex
from .mentions import (
    ActorIndex,
    Attribution,
    DocumentMentions,
    Mention,
    actor_index,
    is_plural_group,
    is_plural_noun_demonym,
    is_plural_word,
    is_subject_candidate,
)
from .negation import WORD as _GAP_WORDS
from .negation import is_negated

#: Words allowed between a holder and its cue ("Cambodia has always strictly adhered").
# Atomic alternatives and a possessive loop: a word matched one way is never tried another way
# (2^n attempts on a long gap that fails at its end), and a run of spaces is one step.
_AUX = re.compile(
    r"^(?>\s+|\b(?:has|have|had|is|are|was|were|be|been|being|will|would|shall|should|can|could|may|might|must|"
    r"do|does|did|not|n[’']t|never|also|still|always|often|again|further|now|previously|once|already|"
    r"reportedly|officially|publicly|repeatedly|then|later|too|thus|therefore|however|ostensibly|all|both|very|quite|so|most|more|less|rather|since|"
    r"to|would\s+be|\w+ly|\w+n[’']t|from|refrain|refrains|refrained|\w+ing)\b|[’']s\b|[’']d\b|[’']ll\b|"
    # when: "Obama on Saturday praised", "the ministry yesterday rejected"
    r"\b(?:on|last|this)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|today|tonight|earlier)\b|"
    # a verb whose subject is that of the infinitive after it: "China failed to condemn"
    r"\b(?:(?:fail|refuse|decline|want|continue|vow|pledge|promise|decide|intend|plan|hope|wish|aim|attempt|"
    r"prepare|expect|need|appear|seem)(?:s|ed|d)?|tried|tries|try|sought|seeks|seek|chose|chooses|choose|"
    r"planned)\s+(?:not\s+)?to\b)*+$", re.I)
#: Possessive holder: "Cambodia's (continued|principled position in) support for".
_POSSESSIVE = re.compile(r"^[’']s?(?:\s+(?!(?:is|are|was|were|has|have|had|will|would|be)\b)[\w-]+){0,3}\s+$", re.I)
#: Between two coordinated targets: "the territorial integrity and sovereignty".
_AND_THE = re.compile(r"\s*(?:,\s*)?(?:and|or|as\s+well\s+as)?\s+(?:the\s+|its\s+|their\s+)?$", re.I)
#: Right after a mention: it owns the noun that follows ("Russia’s brutal invasion").
_POSSESSOR = re.compile(r"[’']s?((?:\s+[\w-]+){1,3})")
#: ... but a verb after "and" has its own subject: "stood by Ukraine's side and provided weapons".
_POSSESSIVE_THEN_VERB = re.compile(r"\b(?:and|or|but|to)\s+$", re.I)
#: A clause's own subject that is a common noun: ", and the judge", "but a spokesman".
_COMMON_SUBJECT = re.compile(r"(?:[,;]|\band|\bbut)\s+(?:the|a|an|this|that|these|those|his|her|its|their)\s+"
                             r"(?:[a-z-]+\s+){0,2}[a-z-]+$")
#: A subject the cue follows that names no actor here ("it would provide", a pronoun left
#: unresolved): better no holder than a guessed one.
_OPAQUE_SUBJECT = re.compile(r"\b(?:it|they|which|that|who|he|she)\s*$", re.I)
_BOUNDARY = re.compile(r"[;:]|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|\bbecause\b|\bas\s+he\b|"
                       r"\bas\s+she\b", re.I)
_RELATIVE = re.compile(r"^,\s+(?:who|which|a|an|the)\b[^,;:]{0,150},\s*(?:\w+ly\s+)?$")
_TO_AFTER_AGENT = re.compile(r"\s+to\s+")
#: Between a noun and a participle that describes it: "The resolution, drafted by Jordan".
_AFTER_PREPOSITION = re.compile(r"\b(?:of|on|in|at|for|with|to|from|against|by|about|over|into|upon)\s+"
                                r"(?:the\s+)?$", re.I)
_REDUCED_RELATIVE = re.compile(r",\s+(?:(?:also|first|jointly|\w+ly)\s+)?")
#: Between a verb and its object: "backed Chile", "backed the United States".
_OBJECT_NEXT = re.compile(r"\s+(?:the\s+)?")
#: Between a subject and its act through a group it is among: " were among the 14 countries that ".
_AMONG = re.compile(r"\s+(?:(?:has|have|had)\s+been|were|was|are|is)\s+(?:also\s+|again\s+)?among\s+(?:the\s+)?"
                    r"(?:[\w-]+\s+){0,3}(?:that|who|which)\s+(?:(?:also|again|had|have|has|\w+ly)\s+)*", re.I)
_PROMPTING = re.compile(r"\b(?:prompting|prompted|leading|causing|forcing|forced|pushing|spurring|spurred|"
                        r"inspiring|inspired|moving)\s+(?:the\s+|some\s+|many\s+)?$", re.I)
_TO_ACT = re.compile(r"\s+(?:not\s+|never\s+)?to\b")
#: Between a first person and a cue, a clause with a subject of its own: "we ... developments that
#: threaten", "I welcome the announcement by the United States that it will provide".
_CLAUSE_OF_ITS_OWN = re.compile(r"(?<!\bthose )(?<!\bpeople )(?<!\ball )(?<!\beveryone )\b(?:that|which|who)\s+"
                                r"(?:it\s+|they\s+|he\s+|she\s+)?"
                                r"(?:(?!we\b|i\b|us\b)[\w’'-]+\s+){0,2}$", re.I)
#: After an obligation, a role rather than an act: "the United Nations should form the backbone of
#: this family" is the speaker's support of the UN, not a demand of it.
_ROLE_ASSIGNED = re.compile(
    r"\s+(?:(?:continue\s+to|always|still)\s+)?(?:"
    # an entitlement: "should have their own State", "must have a permanent seat"
    r"have\s+(?:the\s+right|their\s+own|its\s+own|a\s+(?:seat|voice|say|place|state)|a\s+permanent\s+seat)"
    # a place: "should form the backbone", "must remain at the centre", "play a central role"
    r"|(?:be|remain|form|become|serve\s+as|stay|play)\s+(?:at\s+)?(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?"
    r"(?:backbone|centre|center|heart|core|cornerstone|pillar|foundation|symbol|model|beacon|anchor|"
    r"(?:central|key|leading|pivotal|vital|crucial|important|major|greater|stronger)\s+role))\b", re.I)
_UNRESOLVED_PERSON = re.compile(r"\b(?:he|she)\s*$", re.I)
_OWN_RELATIVE = re.compile(r",?\s+(?:which|who)\s+(?:(?!(?:we|i|they|he|she|you|it|us)\b)[\w’'-]+\s+){0,5}?", re.I)
_OF_PLACE = re.compile(r"^\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?(?=,)")
_ITS = re.compile(r"\b(?:its|their)(?:\s+[\w-]+){0,2}\s+$", re.I)
_ABBREVIATED_TITLE = re.compile(r"\b[A-Z][a-z]{1,4}\.")
_CONJUNCTION = re.compile(r"\b(?:and|or|nor)\b|&|as well as", re.I)
# possessive: linear on ", , , ..."; an article may open the next one after a bare conjunction
# ("Jamaica and the Bahamas"; ", and the United States condemned" starts a clause)
_COORD = re.compile(r"^(?:\s*+(?:(?:,|&|and|or|nor|as well as)\s*+)++|\s+(?:and|or|&)\s+the\s+|"
                    r"\s*,\s*the\s+|"
                    # the preposition said again: "committed to multilateralism and to the principles of the Charter"
                    r"(?:\s*+,)?\s++(?:and|as\s++well\s++as)\s++(?:to|with|for|in|on)\s++(?:the\s++)?"
                    r"(?:(?:principles|values|spirit|purposes|provisions|norms|rules)\s+of\s+(?:the\s+)?)?)$",
                    re.I)  # (and "Russia, the United States and China")
_FIRST_PERSON = re.compile(r"(?<![\w’'])(I|we|We|us|our|Our|my|My|me)(?![\w’'])")
#: A clause start with no subject of its own before the cue: adverbs, auxiliaries, "and".
# Atomic alternatives, possessive loops: "strongly" is both a listed word and \w+ly, and a loop that
# may take each word two ways backtracks 2^n times on a long gap that fails at its end.
_SUBJECTLESS = re.compile(r"^[\s,;:“”\"'‘’(—–-]*+(?:(?>and|also|further|furthermore|moreover|hence|thus|therefore|"
                          r"again|once again|\w+ly|will|would|must|should|shall|can|could|do|does|did|has|have|had|"
                          r"not|never|continue[sd]? to|remains?)\s+)*+$", re.I)
_IN_SHORT_QUOTE = re.compile(r"[“\"][^”\"]*$")
_QUOTE_CLOSES = re.compile(r"[^“”\"]*[”\"]")
_BY_WHOM = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}?by\s+(?:the\s+)?")
#: A question opened by an auxiliary or "how can": rhetorical in a speech, a question in news;
#: either way it states no one's position.
_RHETORICAL = re.compile(r"[\s“\"‘']*(?:(?:and|but|so)\s+)?(?:can|could|should|would|will|shall|is|are|was|were|do|"
                         r"does|did|has|have|had|may|might|must|how\s+(?:can|could|long|much))\b[^?]*\?[”\"’')]*\s*$",
                         re.I)
_PURPOSE = re.compile(r"(?:\s+[\w’'-]+){0,3}?\s+to\s+")
_COORDINATED = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or|but|as well as)\s+)?(?>(?:has|have|had|is|are|was|were|will|"
                          r"would|do|does|did|also|still|always|then|\w+ly)\s+)*+$", re.I)


@dataclass
class Lexicon:
    """The stance codebook compiled to matchers (once per :class:`Codebooks`)."""

    cues: PhraseMatcher
    negators: PhraseMatcher
    hedges: PhraseMatcher
    boosters: PhraseMatcher
    modals: PhraseMatcher
    conditionals: PhraseMatcher
    scope: int
    neutral_target: str
    neutral_targets: tuple[str, ...]
    addressee_issues: tuple[str, ...]
    neutrality_issues: tuple[str, ...]
    future_markers: PhraseMatcher
    obligations: PhraseMatcher
    not_cues: PhraseMatcher
    harm_to_target: PhraseMatcher
    not_future: PhraseMatcher
    book: StanceBook  # the plain lists and settings, read where they are used (lex.book.plover_quads)
    #: Nouns a target is reached through: ``transfer_heads`` ("the efforts of X" is about X) and the
    #: harms of ``harm_to_target`` ("condemned the attacks on X": X harmed, so supported).
    through_heads: frozenset[str] = frozenset()
    #: The nouns of ``harm_to_target`` ("invasion", "attacks").
    harm_heads: frozenset[str] = frozenset()
    #: "rejected recent calls by Belarus", "dismissed an appeal from X": what an actor put forward
    #: (places.yaml ``proposal_heads``), then its author.
    proposal_by: re.Pattern = re.compile(r"(?!)")
    #: ... and named before it ("rejected a US offer"): the words after the author.
    proposal_of: re.Pattern = re.compile(r"(?!)")
    #: ``context`` (stance.yaml), compiled: before an actor, its setting ("within the framework of
    #: the"); before an issue, a harm suffered ("dominated by the ... "); after a problem, the work
    #: against it (" mitigation"); between an organisation and a person, the person's role: for an
    #: agent (" owner ") and a target (" chief executive officer ").
    setting_before: re.Pattern = re.compile(r"(?!)")
    #: The same settings with the actor inside them: "under EU auspices" for "under the auspices of".
    setting_word_before: re.Pattern = re.compile(r"(?!)")
    setting_noun_after: re.Pattern = re.compile(r"(?!)")
    suffered_before: re.Pattern = re.compile(r"(?!)")
    work_against_after: re.Pattern = re.compile(r"(?!)")
    role_between: re.Pattern = re.compile(r"(?!)")
    organisation_role: re.Pattern = re.compile(r"(?!)")
    #: Between an actor and the person it introduces ("Lock the Gate spokeswoman, ", "Roraima's top
    #: security official "), and between a person and the actor of their role in an apposition
    #: (", president of the ", ", the ranking member on the "): the person's affiliation.
    affiliated_before: re.Pattern = re.compile(r"(?!)")
    affiliated_after: re.Pattern = re.compile(r"(?!)")
    #: After an owner, the ones against it (the `oppose` words of `role_nouns`): "Obama's critics",
    #: "Russia's opponents" are no part of their owner.
    adversaries_after_owner: re.Pattern = re.compile(r"(?!)")
    #: ``act_references`` compiled: (a definite noun that refers back, at a cue's object; the noun
    #: anywhere; a verb that reports the act), one triple per kind of act.
    act_references: tuple[tuple[re.Pattern, re.Pattern, re.Pattern], ...] = ()
    #: The first word of any ``act_references`` noun or verb, for text lowered by
    #: :func:`~analysis.stages.lexicon.lowered`: most sentences have none, and one scan for
    #: them spares the ten scans of :func:`act_doers`.
    act_words: re.Pattern = re.compile(r"(?!)")
    #: places.yaml ``state_bodies``: a body named right after a state speaks for it.
    state_bodies: frozenset[str] = frozenset()



def _act_reference_patterns(entries) -> tuple[tuple[re.Pattern, re.Pattern, re.Pattern], ...]:
    """``act_references`` compiled (see :class:`Lexicon`)."""
    out = []
    for nouns, verbs in entries:
        noun, verb = _alternatives(nouns), _alternatives(verbs)
        out.append((re.compile(rf"\s+(?:the|this|that|these|those|(?:[a-z]+day|the\s+weekend)[’']s)\s+"
                               rf"(?:[\w-]+\s+){{0,3}}?(?:{noun})\b", re.I),
                    re.compile(rf"\b(?:{noun})\b", re.I), re.compile(rf"\b(?:{verb})\b", re.I)))
    return tuple(out)


def _act_words(entries) -> re.Pattern:
    firsts = {p.split()[0].lower() for nouns, verbs in entries for p in (*nouns, *verbs)}
    return re.compile(rf"\b{trie_regex(firsts)}\b" if firsts else r"(?!)")


def _compile_lexicon(books: Codebooks) -> Lexicon:
    st = books.stance

    def words(phrases):
        return PhraseMatcher([(p, p) for p in phrases], case="insensitive")

    return Lexicon(cues=PhraseMatcher([(p, fam) for fam in st.cues for p in fam.patterns], case="insensitive"),
                   negators=words(st.negators), hedges=words(st.hedges), boosters=words(st.boosters),
                   modals=words(st.modals), conditionals=words(st.conditionals), scope=st.negation_scope,
                   neutral_target=st.neutral_default_target, neutral_targets=st.neutral_targets,
                   addressee_issues=st.addressee_issues, neutrality_issues=st.neutrality_issues,
                   future_markers=words(st.future_markers), obligations=words(st.obligations),
                   not_cues=words(st.not_cues), harm_to_target=words(st.harm_to_target),
                   not_future=words(st.not_future), book=st,
                   through_heads=st.transfer_heads | {p.split()[0].lower() for p in st.harm_to_target},
                   # (the nouns of "violation of", "attacks on"; not "calling" of "calling into question")
                   harm_heads=frozenset(p.split()[0].lower() for p in st.harm_to_target if len(p.split()) <= 2),
                   proposal_by=_proposal_by(books.places.proposal_heads),
                   proposal_of=_proposal_of(books.places.proposal_heads),
                   adversaries_after_owner=_adversaries_after_owner(st.role_nouns),
                   act_references=_act_reference_patterns(st.act_references),
                   act_words=_act_words(st.act_references),
                   state_bodies=books.places.state_bodies, **_context_patterns(st))


def _alternatives(phrases: tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first, spaces as any whitespace."""
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)) or "(?!)"


def _context_patterns(st: StanceBook) -> dict[str, re.Pattern]:
    roles = _alternatives(st.person_roles)
    # "under the auspices of" is also said "under EU auspices": the actor between its two words
    under = tuple(p.split()[2] for p in st.settings if re.fullmatch(r"under the \w+ of", p))
    return {"setting_before": re.compile(rf"\b(?:{_alternatives(st.settings)})\s+(?:the\s+)?$", re.I),
            "setting_word_before": re.compile(r"\bunder\s+(?:the\s+)?$" if under else r"(?!)", re.I),
            "setting_noun_after": re.compile(rf"(?:[’']s)?\s+(?:{_alternatives(under)})\b", re.I),
            "suffered_before": re.compile(rf"\b(?:{_alternatives(st.harms_suffered)})\s+(?:[\w-]+\s+){{0,4}}$", re.I),
            "work_against_after": re.compile(rf"\s+(?:{_alternatives(st.work_against)})\b", re.I),
            # (case as written: a capitalised word is a name, never a role)
            "role_between": re.compile(rf"\s+(?:[a-z-]+\s+)?(?:{roles})\s+"),
            "organisation_role": re.compile(rf"\s+(?:[a-z-]+\s+){{0,2}}?(?:{roles})(?:\s+[a-z-]+){{0,2}}?\s+"),
            # (words between the actor and the role only after a possessive, or one that is no verb
            # nor article: "Russia sanctioned the lawyer Ana Ruiz" affiliates her to nobody)
            "affiliated_before": re.compile(rf"(?:[’']s?\s+(?:[a-z-]+\s+){{0,3}}?|"
                                            rf"\s+(?:(?!(?:the|a|an)\s)[a-z-]+(?<!ed)\s+)?)(?:{roles})\s*,?\s+"
                                            r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"),
            "affiliated_after": re.compile(rf",\s+(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){{0,3}}?(?:{roles})\s+"
                                           r"(?:of|at|for|with|on|from|in)\s+(?:the\s+)?")}


def _adversaries_after_owner(role_nouns: dict[str, str]) -> re.Pattern:
    words = _alternatives(tuple(w for w, stance in role_nouns.items() if stance == "oppose"))
    return re.compile(rf"[’']s?\s+(?:[\w-]+\s+)?(?:{words})\b", re.I)


def _proposal_by(heads: frozenset[str]) -> re.Pattern:
    """The words from a cue to the author of a proposal it answers: "rejected recent calls by ",
    "accepted the demands from the ", "dismissed an appeal from President "."""
    alternatives = "|".join(sorted(map(re.escape, heads), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\s+(?:[\w’'-]+\s+){{0,3}}?(?:{alternatives})\s+(?:made\s+|issued\s+)?(?:by|from)\s+"
                      rf"(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){{0,3}}", re.I)


def _proposal_of(heads: frozenset[str]) -> re.Pattern:
    """The words after an author named before the proposal it made: "a US offer", "the Senegalese
    peace plan", "Russia's latest proposals" (``proposal_heads``, up to two lower-case words between;
    tried after the mention and after its first word, as a demonym's mention may hold the noun)."""
    return re.compile(rf"(?:[’']s?)?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{_alternatives(tuple(heads))})\b")


#: From a cue to the author of the proposal it answers, named first: "rejected a ", "welcomed the latest ".
# (the determiner may be the cue's own last word: "dismiss* the")
_DETERMINER_ONLY = re.compile(r"\s+(?:(?:a|an|the|this|that|these|those)\s+)?"
                              r"(?:(?:new|latest|recent|revised|fresh)\s+)?", re.I)


def stance_lexicon(books: Codebooks) -> Lexicon:
    """The stance lexicon of these codebooks, compiled once per :class:`Codebooks` object."""
    return books.compiled(_compile_lexicon)


@dataclass
class Finding:
    holder: Actor | None
    holder_resolved: bool
    target: Mention | str
    stance: str
    act: str
    plover: str
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


def _speaker_state(att: Attribution) -> Actor | None:
    sp = att.speaker
    if sp is None:
        return None
    if sp.type in ("state", "organisation") or not sp.affiliation:
        return sp
    return Actor(name=sp.affiliation, type="state", source="country")


#: Between two mentions, a coordination: "the United Nations and relevant States".
_COORDINATION_GAP = re.compile(r"^(?:\s*,)?\s+(?:and|or)\s+(?:\w+\s+)?$|^\s*,\s*$")


def _coordinated_object(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """Whether ``m`` is coordinated with an earlier mention that a preposition governs ("work
    with the United Nations and relevant States to promote": the States are no subject)."""
    earlier = [p for p in mentions if p.end <= m.start]
    while earlier and _COORDINATION_GAP.match(text[earlier[-1].end:m.start]):
        m = earlier.pop()
        if not is_subject_candidate(text, m):
            return True
    return False


def _may_be_subject(text: str, m: Mention, gap: str, mentions: list[Mention] = ()) -> bool:
    """Whether ``m`` can be the subject of what follows it: not the object of a preposition (nor
    coordinated with one), except an agent ("the position articulated by Hun Sen was") or "for
    X to" ("for Cambodia to refrain")."""
    if is_subject_candidate(text, m):
        return not _coordinated_object(text, m, list(mentions))
    before = re.findall(r"[\w’']+", text[max(0, m.start - 30):m.start])
    while before and before[-1].lower() in ("the", "a", "an"):
        before.pop()
    return bool(before) and (before[-1].lower() == "by" or (before[-1].lower() == "for" and
                                                          re.match(r"\s+to\b", gap) is not None))


def _strip_aux(before: str) -> str:
    """``before`` without the auxiliaries and adverbs that end it ("it would " -> "it")."""
    words = before.rstrip().split()
    while words and _AUX.match(" " + words[-1]):
        words.pop()
    return " ".join(words)


def _words_between(text: str, start: int, end: int, lex: Lexicon) -> int:
    """Words between a harm and its target, not counting the nouns a target is reached through:
    "violate the purposes and principles of the United Nations Charter" reaches the Charter."""
    return sum(1 for w in _GAP_WORDS.findall(text[start:end]) if w.lower() not in lex.book.transfer_heads
               and w.lower() not in _THROUGH_WORDS)


_THROUGH_WORDS = {"the", "of", "and", "its", "their", "purposes", "principles", "provisions", "norms", "spirit",
                  "letter", "basic", "fundamental", "core", "standards", "nature", "international", "on"}


def _against_the_issue(text: str, cue_end: int, t: Mention, harm_heads: frozenset[str]) -> bool:
    """Whether what is supported works against the issue ``t`` names: "the fight against
    terrorism", "counter-terrorism" (not "against human rights violations": a harm to the issue)."""
    after = re.match(r"\s+([\w-]+)", text[t.end:t.end + 30])
    if after and after.group(1).lower() in harm_heads:
        return False
    return t.text.lower().startswith(("counter", "anti")) or (
        t.start >= cue_end and (_AGAINST_AN_ISSUE.search(text, max(cue_end, t.start - 40), t.start) is not None
                                or _CHALLENGES_OF.search(text, max(cue_end, t.start - 20), t.start) is not None))


def _harm_after(owned_by: re.Pattern, text: str, m: Mention, harm_heads: frozenset[str]) -> bool:
    owned = owned_by.match(text, m.end)
    return owned is not None and any(w.lower() in harm_heads for w in owned.group(1).split())


def _owns_a_harm(text: str, m: Mention, harm_heads: frozenset[str]) -> bool:
    """Whether ``m`` owns a harm ("The Russian Federation's brutal invasion ... runs counter to"):
    the subject is the harm, not its owner ("Trump's spokesman blamed" is Trump's side)."""
    return _harm_after(_POSSESSOR, text, m, harm_heads)


def _harm_owner(text: str, start: int, end: int, mentions: list[Mention], holder: Actor | None,
                harm_heads: frozenset[str], before: int | None = None) -> Mention | None:
    """The first demonym in ``text[start:end]`` (before ``before``) that qualifies a harm ("the Israeli
    assault", "the Russian full-scale invasion"): the harm's owner, a target though an adjective."""
    return next((m for m in mentions if start <= m.start and m.end <= end and m.source == "demonym"
                 and (before is None or m.start < before) and not (holder is not None and m.canonical == holder.name)
                 and _harm_after(_ADJECTIVE_OF, text, m, harm_heads)), None)


_ADJECTIVE_OF = re.compile(r"((?:\s+[a-z][\w-]*){1,2})")
#: Between a supporting cue and a problem, what works against it: "supports the elimination of
#: nuclear weapons", "support for efforts to tackle climate change" support the issue.
_AGAINST_A_PROBLEM = re.compile(r"\b(?:eliminat|aboli|ban|prohibit|reduc|remov|end|free\s+of|without|fight|combat|"
                                r"tackl|address|mitigat|adapt|prevent|halt|stop|curb|limit|respond|response|counter|"
                                # "committed to finding comprehensive solutions to the climate crisis"
                                r"solution|solv|resolv|"
                                r"against|cut|phase|non-|denucleari|disarm|control|"
                                # the problem as a topic or a harm suffered: "leadership on climate change",
                                # "the nations most exposed to the impact of climate change"
                                r"on\b|impact|effect|exposed|vulnerab|affected|field|area|sphere|domain|regarding|"
                                r"concerning|related|relating)", re.I)
_BY = re.compile(r"\bby\b", re.I)
#: A cue that itself works against what follows: "the disarmament of all weapons".
_CUE_AGAINST = re.compile(r"(?:disarm|demilitari[sz]|denucleari[sz]|eliminat|aboli|eradicat|prohibit|ban|banned|"
                          r"banning|bans|remov|halt|curb|combat|counter|tackl|prevent)\w*(?:\s+\S+)*", re.I)
_RELATIVE_CLAUSE = re.compile(r"\b(?:that|which|who)\s+(?:(?:he|she|they|it|we)\s+)?(?:(?:are|is|was|were|has|have|"
                              r"had|will|would|also|\w+ly)\s+)*[a-z]+(?:ed|ing|es|s)\b")
#: ", and the judge rejected", "and Ukraine rejected": a clause with a subject of its own.
_NEW_CLAUSE = re.compile(r",\s+(?:and|but)\s+(?:the|a|an|his|her|its|their)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+"
                         r"(?:\w+ly\s+)?[a-z]+(?:ed|s)\b|"
                         # (a name, not an owner: "and Peru's claims" goes on with the object)
                         # (a past tense or an auxiliary: "and Soviet negotiators" is a plural noun)
                         r"(?:,\s+|\s+)(?:and|but)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,4}(?:\w+ly\s+)?"
                         # (not a participle of the object: "and Argentina united behind", "based in")
                         r"(?:(?:has|have|had|will|would|also)\s+[a-z]+|[a-z]+ed)\b"
                         r"(?!\s+(?:by|in|on|at|to|from|behind|with|for|against|under|near|as)\b)")
#: ", prompting Democrats to ...": a participle after a comma opens a clause of its own.
_PARTICIPIAL_CLAUSE = re.compile(r",\s+(?!(?:including|excluding|according|regarding|concerning|following|"
                                 r"notwithstanding|involving|during|morning|evening|nothing|something|anything|"
                                 r"everything|spring|string|thing|king|ring|wing|ceiling|building|meeting|"
                                 r"funding|training|pending)\s)[a-z]{3,}ing\s")
_AND_NEXT_PREDICATE = re.compile(r"(?:,\s*)?\b(?:and|but)\s+(?:(?:also|then|\w+ly)\s+)?$", re.I)
#: A person named in apposition to a role right before the verb: "Mendonca's counsel, Tim Langdale, accused".
_APPOSITION_GAP = re.compile(r",\s+(?:(?:also|then|later|\w+ly)\s+)*")
_ROLE_BEFORE_APPOSITION = re.compile(r"\b[a-z]{3,},\s+$")
_OWNED_CUE = re.compile(r"\s+(?:[a-z-]+\s+){0,3}?")  # "his staunch support for", "her decision to back"
#: "called for an inquiry and criticized Trump": a second finite verb is no part of the appeal.
_NEW_FINITE_PREDICATE = re.compile(r"\b(?:and|but)\s+(?:\w+ly\s+)?[a-z]+(?:ed|[^s]s)$", re.I)
_CANDIDACY = re.compile(r"[’']s?\s+(?:candidacy|candidature|nomination|re-election|reelection)\b", re.I)
_BY_ONLY = re.compile(r"\s+by\s+(?:the\s+)?", re.I)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
#: "the reasons advanced to defend Zelenskyy": the object of an infinitive is no subject.
_INFINITIVE_OBJECT = re.compile(r"\bto\s+[a-z]+\s+(?:the\s+|a\s+|an\s+)?$")
#: Right before an issue that is a harm itself, what works against it: "the Convention against
#: Terrorism", "efforts to combat extremism", "a ban on cluster munitions".
_AGAINST_AN_ISSUE = re.compile(r"\b(?:against|combat\w*|counter\w*|fight\w*|eradicat\w*|eliminat\w*|prevent\w*|"
                               r"curb\w*|halt\w*|stop\w*|ban|bans|banning|prohibit\w*|ends?(?:\s+to)?|ending|remov\w*|"
                               r"clear\w*|destroy\w*|tackl\w*|defeat\w*|confront\w*|(?:deal|dealt|dealing)\s+with|"
                               # "address the problem of irregular migration": the issue named as a harm
                               r"(?:problem|scourge|menace|plague|threat|curse)s?\s+(?:of|posed\s+by))\b"
                               r"(?:\s+(?:on|of|the|all|any|every|forms?|international|these|those|such))*"
                               r"(?:\s+(?!(?:for|to|with)\b)[a-z][a-z-]*)?"
                               # ... and the issues listed after the first ("combating extremism, terrorism",
                               # "countering terrorism and extremism")
                               r"(?:\s+[a-z-]+,)*(?:\s+[a-z-]+\s+(?:and|or))?\s+$", re.I)
#: "address the challenges of terrorism": the issue named right after is the challenge ("the
#: challenge of building peace" is a task, not a harm).
_CHALLENGES_OF = re.compile(r"\bchallenges?\s+(?:of|posed\s+by)\s+$", re.I)
_REFLEXIVE = re.compile(r"^\s+(?:himself|herself|itself|themselves)\b", re.I)
_FOR_DOING = re.compile(r"\s+for\s+(?:having\s+)?", re.I)
#: An act alleged of someone unnamed: "a crackdown targeting those suspected of supporting Gulen".
_ALLEGED_OF = re.compile(r"\b(?:suspected|accused|charged|convicted|guilty|alleged|blamed)\s+(?:[\w’'-]+\s+){0,2}?"
                         r"(?:of|for|with)\s+(?:having\s+)?$", re.I)


#: A contrast between a cue and the speech verb after it: the speaker says the second clause only.
_CONTRAST = re.compile(r";|,\s*(?:but|while|whereas|although|though|yet)\b|\s+but\s", re.I)


#: Plural nouns for groups of actors that a text does not name ("the countries supporting", "some
#: delegations").
_GROUP_NOUNS = (r"countries|states|nations|governments|groups|forces|parties|powers|people|actors|members|"
                r"delegations|leaders|politicians|observers|elements|circles|individuals|entities")
#: An indefinite group as the subject of a cue ("some countries have remained neutral", "many
#: Governments oppose"): unnamed doers, not the speaker; "we are among the many countries that" is.
_SOME_OF_THEM = re.compile(r"\b(?:some|many|several|certain|other|few|most|a\s+number\s+of|a\s+few)\s+(?:of\s+"
                           rf"(?:the\s+)?)?(?:[a-z-]+\s+){{0,2}}?(?:{_GROUP_NOUNS})\b", re.I)
_AMONG_THEM = re.compile(r"\b(?:(?:among|of|with|like|joins?|joined)\s+(?:the\s+|those\s+)?|and\s+(?:\d+\s+)?)$",
                         re.I)  # ("Mexico and 83 other States have promoted": Mexico among them)
#: From such a subject to its cue: a few words, no comma ("represented here have").
_SUBJECT_TO_CUE = re.compile(r"(?:\s+(?!(?:and|or|but|than|to)\b)[\w-]+){0,5}?\s+")
#: Before such a group when it is a subject: the clause's start, a comma, or a conjunction.
_GROUP_OPENS = re.compile(r"(?:^|[,;:]|\b(?:and|but|while|whereas|that|as|yet))\s*$", re.I)


def _holder(text: str, cue_start: int, clause_start: int, sent_start: int, mentions: list[Mention],
            att: Attribution, quoted: bool, harm_heads: frozenset[str] = frozenset(),
            adversaries_after_owner: re.Pattern = re.compile(r"(?!)")
            ) -> tuple[Actor | None, bool, Mention | None]:
    actors = [m for m in mentions if m.kind == "actor" and m.actor is not None and m.end <= cue_start]
    in_clause = [m for m in actors if m.start >= clause_start]
    # "thank the Government of Kenya for pledging", "blamed Russia for attacking": the one
    # thanked or blamed does what the "-ing" verb says.
    if in_clause and _FOR_DOING.fullmatch(text, in_clause[-1].end, cue_start) and \
            re.match(r"[A-Za-z]+ing\b", text[cue_start:cue_start + 30]) and \
            not _BY_BEFORE.search(text[max(clause_start, in_clause[-1].start - 12):in_clause[-1].start]):
        # (not a passive's agent: "Russia was criticized by Ukraine for supporting" is Russia's)
        return in_clause[-1].actor, in_clause[-1].resolved, in_clause[-1]
    if _ALLEGED_OF.search(text, max(clause_start, cue_start - 60), cue_start) and \
            re.match(r"[A-Za-z]+ing\b", text[cue_start:cue_start + 30]):
        return None, False, None  # "those suspected of supporting Gulen": nobody named does it
    if in_clause and _TO_AFTER_AGENT.fullmatch(text, in_clause[-1].end, cue_start) and \
            _PROMPTING.search(text, max(clause_start, in_clause[-1].start - 30), in_clause[-1].start):
        # "prompting Democrats to accuse them": the one prompted does it
        return in_clause[-1].actor, in_clause[-1].resolved, in_clause[-1]
    if in_clause and _TO_AFTER_AGENT.fullmatch(text, in_clause[-1].end, cue_start) and \
            _BY_BEFORE.search(text[max(clause_start, in_clause[-1].start - 12):in_clause[-1].start]):
        # "the steps taken by the Court to investigate": the agent does it
        return in_clause[-1].actor, in_clause[-1].resolved, in_clause[-1]
    some = next(reversed(list(_SOME_OF_THEM.finditer(text, clause_start, cue_start))), None)  # the last one
    if some is not None and not any(m.start >= some.start() for m in in_clause) \
            and not _AMONG_THEM.search(text, max(clause_start, some.start() - 12), some.start()) \
            and _GROUP_OPENS.search(text, max(clause_start, some.start() - 12), some.start()) \
            and _SUBJECT_TO_CUE.fullmatch(text, some.end(), cue_start):
        return None, False, None  # "some countries represented here have remained neutral": not named
    named = [m for m in in_clause if m.source not in ("pronoun", "demonym")]
    if named and _OWN_RELATIVE.fullmatch(text, named[-1].end, cue_start):
        # "the United Nations, which since its inception has provided": the relative clause's subject
        return named[-1].actor, named[-1].resolved, named[-1]
    if in_clause and in_clause[-1].source == "pronoun" and in_clause[-1].text.lower() in ("his", "her", "their") \
            and _OWNED_CUE.fullmatch(text, in_clause[-1].end, cue_start):
        # "came to show her support for Trump": the one "her" refers to
        return in_clause[-1].actor, in_clause[-1].resolved, in_clause[-1]
    # First person right before the cue, inside a quotation: the speaker or the speaker's state.
    fp = [m for m in _FIRST_PERSON.finditer(text, clause_start, cue_start)]
    # In a quotation, or in a text spoken by one actor (a speech: the corpus gives its voice).
    if fp and (quoted or (att.attribution == "author" and att.speaker is not None)):
        last = fp[-1]
        if _PASSIVE_AUX.search(text, last.end(), cue_start) and _PARTICIPLE.match(text[cue_start:cue_start + 30]) \
                and not _ADJECTIVAL.match(text[cue_start:cue_start + 30]):
            return None, False, None  # "we are often denied access": the speaker undergoes it ("we are
            # committed to" is the speaker's own commitment)
        # Not behind a clause with its own subject ("a stance against developments that threaten",
        # "the announcement ... that it will provide"); and "Let me take the opportunity of this
        # debate of the General Assembly to congratulate": actors after "me" governed by a
        # preposition are not the subject.
        if not _CLAUSE_OF_ITS_OWN.search(text, last.end(), cue_start) and (
                not in_clause or in_clause[-1].end <= last.start() or
                all(m.start < last.start() or not is_subject_candidate(text, m) for m in in_clause)):
            word = last.group(1).lower()
            who = att.speaker if word == "i" else _speaker_state(att)
            if who is not None:
                return who, True, None
    if in_clause and _AMONG.fullmatch(text, in_clause[-1].end, cue_start):
        # "Peru and Chile were among the 14 countries that voted against": the ones listed
        return in_clause[-1].actor, in_clause[-1].resolved, in_clause[-1]
    if in_clause:
        last = in_clause[-1]
        gap = _REFLEXIVE.sub("", text[last.end:cue_start])  # "Trump himself criticized"
        cue_word = text[cue_start:cue_start + 30].split()[0]
        possessive = _POSSESSIVE.match(gap) and not (_POSSESSIVE_THEN_VERB.search(gap)
                                                     and cue_word.endswith(("ed", "ing")))
        if possessive and adversaries_after_owner.match(gap):
            return None, False, None  # "Qatar's critics accuse Al Jazeera": not Qatar, and nobody named
        if (_AUX.match(gap) and _may_be_subject(text, last, gap, in_clause)) or possessive:
            return last.actor, last.resolved, last
        if last.is_person and _APPOSITION_GAP.fullmatch(gap) and \
                _ROLE_BEFORE_APPOSITION.search(text, max(sent_start, last.start - 40), last.start):
            return last.actor, last.resolved, last  # "Mendonca's counsel, Tim Langdale, accused"
        for m in in_clause:  # "Minister Thuch, who also serves as ..., welcomed"
            gap = _OF_PLACE.sub("", text[m.end:cue_start], count=1)  # "Sanders of Vermont, who ran ..."
            if _RELATIVE.match(gap) and m.is_person:
                return m.actor, m.resolved, m
        before_cue = _strip_aux(text[max(clause_start, cue_start - 60):cue_start])
        if _COMMON_SUBJECT.search(before_cue) and re.match(r"[a-z]+(?:ed|[^s]s)\b", text[cue_start:cue_start + 30]):
            return None, False, None  # "..., and the judge rejected Navalny's claim": no actor named holds it
        opaque = _OPAQUE_SUBJECT.search(before_cue)
        if opaque:
            if opaque.group(0).strip().lower() == "it":
                owner = next((m for m in reversed(actors) if m.start >= sent_start and m.end <= opaque.start() +
                              max(clause_start, cue_start - 60) and m.actor.type in ("state", "organisation")
                              and m.source != "demonym" and (m.source != "name" or m.actor.type == "organisation")
                              and is_subject_candidate(text, m)), None)
                if owner is not None:  # "Cambodia demonstrates ... that it adheres to"
                    return owner.actor, True, owner
            return None, False, None
        if _ITS.search(text[max(clause_start, cue_start - 30):cue_start]):
            owner = next((m for m in reversed(in_clause) if m.actor.type in ("state", "organisation")), None)
            if owner is not None:  # "Cambodia for its support": the state it refers to
                return owner.actor, True, owner
    if not in_clause and clause_start > sent_start and _AUX.match(text[clause_start:cue_start]):
        # A clause without a subject ("... but would welcome") shares the previous clause's.
        prior = [m for m in actors if sent_start <= m.start and m.end <= clause_start and is_subject_candidate(text, m)]
        if prior:
            return prior[-1].actor, prior[-1].resolved, prior[-1]
    if not in_clause and _UNRESOLVED_PERSON.search(_strip_aux(text[max(clause_start, cue_start - 60):cue_start])):
        return None, False, None  # "... but says she will not be backing": "she" is nobody named here
    if att.attribution == "reported" and 0 <= att.verb_end <= cue_start:
        # "X said the Kingdom played a role in supporting Ukraine": the content's own subject holds it.
        content = [m for m in actors if att.verb_end <= m.start and is_subject_candidate(text, m)
                   and m.source != "demonym" and m.start >= clause_start]
        if content:
            return content[0].actor, content[0].resolved, content[0]
    if att.attribution == "reported" and att.verb_end > cue_start and \
            _CONTRAST.search(text, cue_start, att.verb_end) is not None:
        return None, False, None  # "Lawmakers urged Biden to act, but the White House said ...": not its
    if att.speaker is not None and not (att.attribution == "author" and not quoted):
        return att.speaker, att.resolved, None
    if att.speaker is not None and not in_clause and _SUBJECTLESS.match(text[clause_start:cue_start]):
        # A text's voice holds what its author states without another subject ("Reaffirming our
        # commitment to ...", "... and strongly condemns"); "Rising seas threaten" is not the speaker's.
        return att.speaker, att.resolved, None
    # A possessor is no subject ("The Russian Federation's invasion ... runs counter to"); a
    # demonym is one only as a plural noun ("The Saudis, of course, blame").
    subjects = [m for m in actors if m.start >= sent_start and (m.source != "demonym" or is_plural_noun_demonym(m))
                and is_subject_candidate(text, m) and not _owns_a_harm(text, m, harm_heads)
                and not _INFINITIVE_OBJECT.search(text, max(sent_start, m.start - 30), m.start)]
    if subjects:
        return subjects[0].actor, subjects[0].resolved, subjects[0]
    return None, False, None


#: The categories of cues that state a view of their object; only these read "the X of Y" as about X
#: (an act such as "withdrew its force from Chad" is toward Chad).
_POSITION_ACTS = ("SUPPORT", "DISAPPROVE", "")
#: Words between a cue and an actor that keep the actor the target: "support for", "praise of the".
_DIRECT = re.compile(r"^(?>\s+|,|\b(?>a|an|the|its|their|his|her|our|my|to|for|of|toward|towards|against|with|on|"
                     r"in|by|from|and|also|again|\w+ly|the\s+people\s+of)\b)*+$", re.I)
_NOUN_PHRASE_START = re.compile(r"^\s*(?:the|a|an|its|their|this|these|those|all|any|every|such)\s", re.I)
_PREPOSITION_END = re.compile(r"\b(?:of|around|in|at|near|within|across|over|inside|by|from|on|for|into|"
                              r"between|among|under|against|with)\s+(?:the\s+|a\s+|an\s+)?$", re.I)


_TITLE_BETWEEN = re.compile(r"(?:[’']s)?(?:\s+[A-Z][\w.-]*){1,3}\s+")


def _through_a_noun(text: str, start: int, after: list[Mention], first: Mention,
                    transfer_heads: frozenset[str], act_heads: frozenset[str] = frozenset()) -> Mention | None:
    """The target, when the first mention is an actor reached through a noun and a preposition
    ("the manoeuvres around Taiwan"): that actor only if the noun stands for it (``transfer_heads``),
    else the next mention that is an issue, or nothing."""
    if first.kind != "actor":
        return first
    gap = text[start:first.start]
    # Only a noun phrase object ("the manoeuvres around"); "threatened to break relations with X" is a verb's.
    if _DIRECT.match(gap) or not _PREPOSITION_END.search(gap) or not _NOUN_PHRASE_START.match(gap):
        return first
    nouns = re.findall(r"[A-Za-z][\w’'-]*", _PREPOSITION_END.sub("", gap))
    if nouns and nouns[-1].lower() in transfer_heads:
        return first  # "commend the efforts of the Secretary-General"
    if _BY_BEFORE.search(gap) and any(n.lower() in transfer_heads or n.lower() in act_heads for n in nouns):
        return first  # "the siege of Gaza by Israel", "the missile launch by Pyongyang": the one who does it
    return next((m for m in after if m.kind == "issue"), None)


def _targets(text: str, start: int, end: int, mentions: list[Mention], holder: Actor | None,
             prefer: str = "any", transfer_heads: frozenset[str] = frozenset(),
             harm_heads: frozenset[str] = frozenset(), lex: Lexicon | None = None) -> list[Mention]:
    harm_heads = harm_heads or (lex.harm_heads if lex is not None else frozenset())
    # A demonym is an adjective ("the Russian economy"), unless a plural noun ("attacked the Germans")
    # or the owner of a harm ("spoke out against the Israeli assault": against Israel, see the end).
    after = [m for m in mentions if m.start >= start and m.end <= end
             and (m.source != "demonym" or is_plural_noun_demonym(m))
             and not (holder is not None and m.canonical == holder.name)
             and not (m.source == "pronoun" and m.text.lower() in ("his", "its", "their"))]  # a determiner
    # "initiatives ... within the framework of the United Nations": the setting, not the target; nor
    # the harm suffered around it ("defending our values in a world dominated by extremism")
    if lex is not None:
        after = [m for m in after
                 if not (m.kind == "actor" and (lex.setting_before.search(text, max(start, m.start - 50), m.start)
                                                or (lex.setting_noun_after.match(text, m.end)
                                                    and lex.setting_word_before.search(text, max(start, m.start - 12),
                                                                                       m.start))))
                 and not (m.kind == "issue" and lex.suffered_before.search(text, max(start, m.start - 40), m.start))]
    if not after:
        owner = _harm_owner(text, start, end, mentions, holder, harm_heads)
        return [owner] if owner is not None and prefer != "issue_only" else []
    if prefer == "issue_only":
        # what is stopped or ended follows closely: "an end to hostilities and the prioritization of
        # dialogue" does not end the dialogue
        # dialogue; "deter X from using cluster munitions" stops what follows "from"
        froms = [start] + [start + f.end() for f in re.finditer(r"\bfrom\b", text[start:end])]
        after = [m for m in after if m.kind == "issue" and any(
            f <= m.start and len(_GAP_WORDS.findall(text[f:m.start])) <= 3 for f in froms)]
        if not after:
            return []
        prefer = "issue"
    # "lashed out at U.S. House Speaker Paul Ryan": the person a country's title qualifies
    # ... and the person an organisation's role qualifies: "sued Fox News chief executive Roger Ailes"
    after = [m for k, m in enumerate(after) if not (
        k + 1 < len(after) and after[k + 1].is_person and (
            (m.source == "country" and _TITLE_BETWEEN.fullmatch(text, m.end, after[k + 1].start))
            or (m.actor is not None and m.actor.type in ("organisation", "group")
                and lex is not None and lex.organisation_role.fullmatch(text, m.end, after[k + 1].start))))]
    if not after:
        return []
    first = after[0]
    preferred = [m for m in after if m.kind == prefer]
    if preferred:
        first = preferred[0]
    elif prefer == "actor":
        first = after[0]
    if transfer_heads:
        first = _through_a_noun(text, start, after, first, transfer_heads,
                                lex.book.act_heads if lex is not None else frozenset())
        if first is None:
            return []
    if prefer == "any" and first.kind == "actor":
        # "Ukraine's bid to become an ASEAN partner": the issue, not the possessor.
        nxt = next((m for m in after if m.start > first.end), None)
        # (not past a conjunction: "ECOWAS's leadership and its work to restore constitutional order"
        # supports ECOWAS)
        if nxt is not None and nxt.kind == "issue" and re.match(r"^[’']s?\b", text[first.end:first.end + 2]) \
                and nxt.start - first.end < 40 and not _CANDIDACY.match(text, first.end) \
                and not _CONJUNCTION.search(text, first.end, nxt.start):
            # (a candidacy is the candidate's: "support for Tajikistan's candidacy during the elections")
            first = nxt
    chosen = [first]
    for m in after[after.index(first) + 1:]:
        if m.kind == first.kind and _COORD.match(text[chosen[-1].end:m.start]):
            chosen.append(m)
        else:
            break
    # a list is closed by its conjunction; commas alone join an aside ("endorse Trump, National
    # Journal reported"): then only the first
    if len(chosen) > 1 and first.kind == "actor" and not any(
            _CONJUNCTION.search(text[a.end:b.start]) for a, b in zip(chosen, chosen[1:])):
        chosen = chosen[:1]
    owner = _harm_owner(text, start, end, mentions, holder, harm_heads, before=chosen[0].start)
    return [owner, *chosen] if owner is not None and prefer != "issue_only" else chosen


#: A passive before the cue ("was accused", "has been widely praised"): the subject is the target.
_PASSIVE_AUX = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got|gotten)\s+(?:(?:\w+ly|also|not|never|"
                          r"often|again|once|even|just)\s+)*$", re.I)
_PARTICIPLE = re.compile(r"^(?:[\w-]+(?:ed|en|wn)|held|met|hit|shot|sworn|led|fought|struck|sought|told)\b", re.I)
#: Participles that are adjectives after "be": "was opposed to", "is committed to" keep their subject.
_ADJECTIVAL = re.compile(r"^(?:opposed|committed|dedicated|devoted|concerned|disappointed|outraged|determined|"
                         r"encouraged\s+by|heartened\s+by|"
                         r"inclined|aligned|interested|pleased|delighted|worried|ready|willing|sceptical|skeptical)\b",
                         re.I)
# (the words before the agent may be a title: "by Mr. Lindqvist")
_BY_AGENT = re.compile(r"^\s+(?:[\w’'-]+\s+){0,4}?by\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w’'.-]+\s+){0,2}"
                       r"(?:(?:such\s+as|including|like)\s+(?:[\w’'.-]+\s+){0,2})?$", re.I)
#: An appeal for something not to happen ("urged Moscow not to use ...") opposes it.
_NEGATED_REQUEST = re.compile(r"^\s*(?:,\s*)?(?:not|never)\s+to\b|^\s*to\s+(?:not|never)\b", re.I)


_BY_NEXT = re.compile(r"\s+by\s")
#: Between a subject and a participle that is its active verb ("Lawson welcomed on Monday the
#: reaffirmation by the U.S.", "Kenya has strongly condemned"): the "by" after it is a noun's.
_ACTIVE_AFTER_SUBJECT = re.compile(r"\s+(?:(?:has|have|had|also|again|then|later|once|now|\w+ly)\s+)*", re.I)


def _adjectival(text: str, cue: Match) -> bool:
    """A participle read as an adjective after "be" ("is opposed to"), unless "by" follows it
    ("is opposed by Germany" is a passive)."""
    return _ADJECTIVAL.match(cue.text) is not None and not _BY_NEXT.match(text, cue.end)


def _passive_agent(text: str, cue: Match, subject: Mention, clause_end: int,
                   mentions: list[Mention], role_between: re.Pattern) -> tuple[bool, Mention | None]:
    """Whether the cue is a passive of which ``subject`` is the patient ("Avery was accused"),
    and the agent named with "by" after it ("was praised by the Senate"), if any."""
    if not _PASSIVE_AUX.search(text[subject.end:cue.start]) or not _PARTICIPLE.match(cue.text) \
            or _adjectival(text, cue):
        return False, None
    return True, _agent(text, cue, clause_end, mentions, role_between)


#: Between an owner and a passive cue: "’s remarks were", "’s tweets have been heavily".
_OWNED_THEN_PASSIVE = re.compile(r"[’']s?(?:\s+[\w-]+){1,3}?\s+(?:(?:has|have|had)\s+been|is|are|was|were)"
                                 r"\s+(?:\w+ly\s+)*$", re.I)


def _possessed_patient(text: str, cue: Match, clause_start: int, mentions: list[Mention]) -> Mention | None:
    """The owner of what a passive cue is done to, when an agent does it: "Trump's remarks were
    criticized by Germany" is Germany's view of Trump."""
    if not _PARTICIPLE.match(cue.text) or _ADJECTIVAL.match(cue.text):
        return None
    owner = next((m for m in reversed(mentions) if m.kind == "actor" and m.actor is not None
                  and clause_start <= m.start and m.end <= cue.start), None)
    if owner is None or not _OWNED_THEN_PASSIVE.fullmatch(text, owner.end, cue.start):
        return None
    return owner


_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "its", "their", "our", "my", "your"})


def _agent(text: str, cue: Match, clause_end: int, mentions: list[Mention], role_between: re.Pattern
           ) -> Mention | None:
    """The actor named with "by" right after a participle cue ("pledged by Jamaica"); the person
    when a role (``role_between``: ``context.person_roles``) links an organisation to them
    ("praised by Tidal owner Jay Z")."""
    agent = next((m for m in mentions if m.kind == "actor" and m.actor is not None and cue.end <= m.start < clause_end
                  and _BY_AGENT.match(text[cue.end:m.start])), None)
    if agent is not None and agent.source == "pronoun" and agent.text.lower() in _POSSESSIVE_DETERMINERS:
        # "accused by his daughter Dylan Farrow": the daughter, named after her role; "praised by
        # his wife": someone the text does not name, not the man himself
        return next((m for m in mentions if m.kind == "actor" and m.actor is not None
                     and agent.end < m.start < clause_end and role_between.fullmatch(text, agent.end, m.start)), None)
    if agent is not None:
        person = next((m for m in mentions if m.start > agent.end and m.is_person
                       and role_between.fullmatch(text, agent.end, m.start)), None)
        return person or agent
    return agent


#: An apposition between two items of a list: "by Mary Landrieu, a Democrat, and Jeffrey Wiley".
_APPOSITION_IN_GAP = re.compile(r"^,\s+(?:a|an|the)\s+[^,;()]{1,40}?(?=,\s+(?:and|or)\s)", re.I)
#: ... and an actor named in one ("a" or "an" only: "Russia, the United States, and China" is a list).
_INSIDE_APPOSITION = re.compile(r"^,\s+(?:a|an)\s+(?:[\w’'-]+\s+){0,3}$", re.I)
_APPOSITION_THEN_AND = re.compile(r"(?:\s+[\w’'-]+){0,3},\s+(?:and|or)\s", re.I)


def _coordinated(text: str, m: Mention, mentions: list[Mention], before: int = -1) -> list[Mention]:
    """``m`` and the actors coordinated with it before it ("Michael Moore, Gloria Steinem and X")
    and, up to ``before``, after it ("Sidney Shachnow and Charles Williams praised")."""
    actors = [x for x in mentions if x.kind == "actor" and x.actor is not None
              and (x.source != "demonym" or is_plural_noun_demonym(x))]  # "Americans and Europeans"
    out = [m]
    closed = _AND_OTHERS.match(text, m.end) is not None  # "Okafor, Lindqvist and others praised"
    for prior in reversed([x for x in actors if x.end <= m.start]):
        gap = _ABBREVIATED_TITLE.sub("", text[prior.end:out[-1].start])  # "Ruth Kagwe and Gen. Peter Lindqvist"
        if out[-1].is_person:  # "filmmaker Michael Moore, feminist icon Gloria Steinem": roles before names
            gap = _ROLE_WORDS_BEFORE.sub("", gap)
        # the join nearest the holder is a conjunction ("Mali, Niger and Chad"); a comma alone is an aside
        if _COORD.match(gap) and (len(out) > 1 or _CONJUNCTION.search(gap) or closed):
            out.append(prior)
        else:
            break
    out.reverse()
    following = []
    for nxt in [x for x in actors if m.end <= x.start and x.end <= before]:
        if _INSIDE_APPOSITION.match(text[(following or [m])[-1].end:nxt.start]) and \
                _APPOSITION_THEN_AND.match(text, nxt.end):
            continue  # "Mary Landrieu, a Democrat, and ...": an aside about the one before
        gap = _APPOSITION_IN_GAP.sub(",", _ABBREVIATED_TITLE.sub("", text[(following or [m])[-1].end:nxt.start]))
        if not _COORD.match(_ROLE_WORDS_BEFORE.sub("", gap) if nxt.is_person else gap):
            break
        following.append(nxt)
        if _CONJUNCTION.search(text[(following[:-1] or [m])[-1].end:nxt.start]):
            out += following  # the list is closed by its conjunction; a comma alone is an aside
            following = []
    if following and _AND_OTHERS.match(text, following[-1].end):
        out += following  # "..., musician Alicia Keys and other speakers"
    return out


def _appeal_addressee(text: str, cue_end: int, mentions: list[Mention], lex: Lexicon,
                      asks_for: bool = False) -> Mention | None:
    """Who an appeal is addressed to: the mention right after the cue ("urged all sides to"); after
    "call for" only one asked to act ("called for Russia to withdraw"), not one asked for ("called
    for an independent Palestine")."""
    nxt = next((m for m in mentions if m.start >= cue_end), None)
    if nxt is None or len(_GAP_WORDS.findall(text[cue_end:nxt.start])) > 3:
        return None
    if asks_for and not _TO_ACT.match(text, nxt.end):
        return None
    if nxt.kind == "actor" or nxt.canonical in lex.addressee_issues:
        return nxt
    return None


@dataclass
class _Sentence:
    """One sentence with what its cues are read against."""

    text: str
    start: int
    end: int
    mentions: list[Mention]
    att: Attribution
    quoted: bool
    lex: Lexicon
    negators: list[Match] = field(default_factory=list)
    modals: list[Match] = field(default_factory=list)
    conditionals: list[Match] = field(default_factory=list)
    futures: list[Match] = field(default_factory=list)
    #: kind of act (index in ``lex.act_references``) -> its doer named in the sentences before
    act_doers: dict[int, Mention] = field(default_factory=dict)


@dataclass
class _Appeal:
    """An appeal (a cue with ``targets: complement``), kept until the sentence is read: it is
    about what it asks for (its targets), unless a cue inside its complement says that."""

    finding: Finding
    targets: list[Mention]
    start: int
    end: int
    inner: int  # where the first cue inside the complement starts (the sentence's end if none)


def _cues(text: str, s: int, e: int, mentions: list[Mention], lex: Lexicon) -> list[Match]:
    """Rule 1: the cues of a sentence, except those inside a named issue or actor."""
    # (a name found by its capitals counts when it has several words: "Amnesty International")
    names = [m for m in mentions if m.kind == "issue" or m.source in ("codebook", "country")
             or (m.source in ("name", "title") and " " in m.text)]
    found = list(lex.cues.finditer(text, s, e))
    if not found:
        return []  # most sentences: no idiom needs looking for
    idioms = list(lex.not_cues.finditer(text, s, e))  # "with respect to", "internationally recognised"
    return [c for c in found
            if not any(m.start <= c.start and c.end <= m.end and (m.end - m.start) > (c.end - c.start)
                       for m in names)
            and not any(n.start <= c.start < n.end for n in idioms)]


def _position(sent: _Sentence, cues: list[Match], i: int) -> tuple[str, str, str, bool, int, int] | None:
    """Rules 1 and 2 for the ``i``-th cue: (stance, act, plover, negated, clause start, clause end),
    or None when the cue states no position here."""
    text, c, lex = sent.text, cues[i], sent.lex
    fam: CueFamily = c.payload
    if re.match(r"\s+from\b", text[c.end:c.end + 6]) and fam.stance == "support" and fam.targets != "complement":
        return None  # "support from international partners": the holder follows, the target is unnamed
    if _noun_reading(text, c, sent.start, lex) and not _after_a_plural_subject(c, sent.mentions):
        return None  # "the deadly attack on ...", "Trump's support has plunged"
    if _participle_adjective(text, c, sent.start, lex):
        return None  # "the invading Government", "a promising process"
    previous_word = re.search(r"([\w’'-]+)\s+$", text[max(sent.start, c.start - 30):c.start])
    if previous_word and previous_word.group(1).lower() in lex.book.intensifiers and " " not in c.text:
        return None  # "a very threatening message": an adjective ("highly critical of" takes a side)
    if _in_a_title(text, c, sent.start):
        return None  # "Massacre River", "the Support Group": a cue word inside a name
    if c.text.lower().endswith(" of") and _IN_SHORT_QUOTE.search(text, max(sent.start, c.start - 40), c.start) and \
            _QUOTE_CLOSES.match(text, c.end, min(sent.end, c.end + 40)):
        return None  # classified as a “military supporter of Ukraine”: a label quoted, not a view
    clause_start, clause_end = _clause(text, sent.start, sent.end, c.start)
    commas = [clause_start + m.end() for m in re.finditer(",", text[clause_start:c.start])]
    segment_start = commas[-1] if commas else clause_start
    if any(segment_start <= k.start < c.start for k in sent.conditionals):
        return None  # hypothetical: "if we show support to any side"
    negated = is_negated(text, c.start, sent.negators, lex.scope, floor=clause_start)
    if negated and _double_negation(text, c.start, sent.negators, lex.scope, clause_start):
        return None  # "does not mean China does not support peace": left unmarked, never flipped
    if fam.negates_next:
        nxt = cues[i + 1] if i + 1 < len(cues) else None
        if nxt is not None and len(_GAP_WORDS.findall(text[c.end:nxt.start])) <= lex.scope \
                and "," not in text[c.end:nxt.start] and nxt.payload.negated is not None:
            return None  # only the negator of the next cue ("refrain from expressing support")
    if fam.only_negated and not negated:
        return None
    if negated and fam.negated is None:
        return None
    stance, act, plover = fam.negated if negated else (fam.stance, fam.act, fam.plover)
    return stance, act, plover, negated, clause_start, clause_end


def _double_negation(text: str, pos: int, negators: list[Match], scope: int, floor: int) -> bool:
    """Whether the negator before ``pos`` is itself negated ("not fail to", "does not mean ... not")."""
    before = [n for n in negators if floor <= n.start and n.end <= pos]
    closest = next((n for n in reversed(before) if is_negated(text, pos, [n], scope)), None)
    if closest is None:
        return False
    return any(n.end <= closest.start and len(_GAP_WORDS.findall(text[n.end:closest.start])) <= 2 * scope
               for n in before)


def _in_a_title(text: str, c: Match, sent_start: int) -> bool:
    """A capitalised cue inside a run of capitalised words, not opening the sentence."""
    if not c.text[:1].isupper() or not text[sent_start:c.start].strip(" “\"‘'(—–-"):
        return False
    before = re.search(r"(\S+)\s+$", text[max(sent_start, c.start - 40):c.start])
    after = re.match(r"\s+(\S+)", text[c.end:c.end + 40])
    return bool((before and before.group(1)[:1].isupper()) or (after and after.group(1)[:1].isupper()))


def _participle_adjective(text: str, c: Match, sent_start: int, lex: Lexicon) -> bool:
    """Whether a one-word -ing cue stands between a determiner or possessive and its noun, as an
    adjective ("the invading Government", "this supporting path", "a promising process")."""
    if not c.text.lower().endswith("ing") or " " in c.text.strip():
        return False
    before = re.search(r"([\w’'-]+)\s+$", text[max(sent_start, c.start - 30):c.start])
    after = re.match(r"\s+([\w’'-]+)", text[c.end:c.end + 30])
    if before is None or after is None:
        return False
    word, following = before.group(1).lower(), after.group(1).lower()
    return (word in lex.book.noun_determiners or word in lex.book.noun_possessives) \
        and following not in lex.book.noun_complements and following not in FUNCTION_WORDS


def _after_a_plural_subject(c: Match, mentions: list[Mention]) -> bool:
    """Whether the cue follows right after a plural group ("the Democrats support", "the Houthis
    attack"): a verb with its subject, not a noun after a modifier ("the deadly attack")."""
    return any(m.kind == "actor" and m.actor is not None and is_plural_group(m) and is_plural_word(m.text)
               and 0 <= c.start - m.end <= 1 for m in mentions)  # not an adjective: "the Democratic attack"


def _noun_reading(text: str, c: Match, sent_start: int, lex: Lexicon) -> bool:
    """Whether a one-word cue stands as a noun that states no position (see ``noun_reading`` in
    stance.yaml): after a determiner, or after a possessive or number with no complement."""
    if c.text.lower() not in lex.book.noun_words:
        return False
    before = re.split(r"[,;:()“”\"]", text[max(sent_start, c.start - 40):c.start])[-1]
    words = re.findall(r"[\w’'%-]+|[’']s\b", before)
    if not words:
        return False
    # (a word of time may stand before the complement: "reiterated its demand today that Israel")
    after = re.match(r"\s*(?:(?:today|yesterday|again|once\s+more|anew)\s+)?([\w’'-]+)", text[c.end:c.end + 40])
    if words[-1][:1].isupper() and c.text.lower().endswith("s") and after is not None and (
            after.group(1)[:1].isupper() or after.group(1).lower() in ("the", "a", "an", "all", "any", "its", "their")):
        return False  # "Focus on the Family supports IFI": a name, a verb, its object
    near = [w.lower() for w in words[-2:]]
    # a determiner right before, or before one modifier ("the deadly attack")
    if near[-1] in lex.book.noun_determiners or (len(near) == 2 and near[0] in lex.book.noun_determiners
                                            and near[1] not in lex.book.noun_determiners and near[1] != "to"):
        return True
    if after is not None and after.group(1).lower() in lex.book.noun_complements:
        return False
    last = before.rstrip()
    return bool(words) and (near[-1] in lex.book.noun_possessives or last.endswith(("’s", "'s", "%", "’", "'"))
                            or near[-1].isdigit())


_TO_NEXT = re.compile(r"\s+to\b")


def _open_appeal(sent: _Sentence, c: Match, finding: Finding, clause_end: int) -> _Appeal:
    """Rule 4 for an appeal: its addressee, and the issues of what it asks for."""
    text, mentions = sent.text, sent.mentions
    asks_for = c.text.lower().endswith(" for")
    addressee = _appeal_addressee(text, c.end, mentions, sent.lex, asks_for)
    if addressee is None:  # "ordered former president Carlos Menem to": inside a pattern's "..."
        addressee = next((m for m in mentions if c.start < m.start and m.end < c.end and m.kind == "actor"), None)
    comp_start = addressee.end if addressee is not None else c.end
    direct = next((m for m in mentions if m.start >= c.end and m.kind == "issue"), None)
    if addressee is not None or direct is None or len(_GAP_WORDS.findall(text[c.end:direct.start])) > 2:
        # The request proper starts at "to"/"for": "urge NATO ... to inhibit", "called for a dialogue".
        comp = re.search(r"\b(?:to|for)\b", text[comp_start:clause_end])
        comp_start = comp_start + comp.start() if comp else clause_end
    finding.addressee = addressee.canonical if addressee is not None else ""
    if _NEGATED_REQUEST.match(text[addressee.end if addressee is not None else c.end:clause_end]):
        finding.stance = "oppose"  # "appealed to Moscow not to use cluster bombs"
    targets = [t for t in _targets(text, comp_start, clause_end, mentions, finding.holder, "issue", lex=sent.lex)
               if t.kind == "issue"]
    if not targets and addressee is None:
        # "demanded an immediate admission by Moscow that ...": a demand of the one asked to act
        addressee = next((m for m in mentions if m.kind == "actor" and m.actor is not None and c.end < m.start
                          and m.end <= clause_end and _BY_WHOM.fullmatch(text, c.end, m.start)), None)
        if addressee is not None:
            finding.addressee = addressee.canonical
    if not targets and addressee is not None and addressee.kind == "actor":
        # "demanded that Pyongyang forsake its programme": an act toward the addressee, no position on
        # it; but "call on Japan to immediately stop discharging it" is against what it does
        to = _TO_NEXT.match(text, addressee.end)
        targets = [addressee]
        finding.stance = "oppose" if to is not None and _STOP_DEMANDED.match(text, to.end()) else "none"
    elif not targets and asks_for:
        # "our call for an independent State of Palestine": the actor asked for is supported
        targets = [m for m in mentions if m.kind == "actor" and m.actor is not None and m.start >= c.end
                   and len(_GAP_WORDS.findall(text[c.end:m.start])) <= 3
                   and not re.match(r"[’']", text[m.end:m.end + 1])][:1]
    return _Appeal(finding, targets, c.end, clause_end, sent.end)


#: Material acts that answer no proposal.
_PLOVER_OF_FORCE = ("FIGHT", "ASSAULT", "MOBILIZE", "COERCE")


def _through(lex: Lexicon, fam: CueFamily) -> frozenset[str]:
    """The nouns a cue of this family reaches its target through: none for an act ("withdrew its
    force from Chad" is toward Chad); ``transfer_heads`` for a view; and the harms too for an
    opposing view, whose reading the harm then flips ("condemned the attacks on X" supports X;
    "welcomed the blockade of X" does not support X)."""
    if fam.plover not in _POSITION_ACTS:
        return frozenset()
    return lex.through_heads if fam.stance == "oppose" else lex.book.transfer_heads


_ALLY_OF = re.compile(r"(?:ally|allies)\s+of", re.I)
#: Words given to someone named before them: "offer Mr. X my warm congratulations", "extend to
#: the people of Y our deepest condolences".
_OWN_WORDS_BEFORE_CUE = re.compile(r"\s+(?:my|our)\s+(?:[a-z-]+\s+){0,3}", re.I)
_GIVING_VERB = re.compile(r"\b(?:offer|extend|convey|express|send|give|pay)\w*\s+(?:to\s+)?(?:the\s+)?"
                          r"(?:(?:Mr|Mrs|Ms|Dr|H\.E|His|Her)\.?\s+)?(?:[\w.’'-]+\s+){0,3}$", re.I)


_ON_ELECTION = re.compile(r"\bon\s+(?:his|her|your|their|its)\s+(?:(?:respective|recent|well-deserved|"
                          r"unanimous|deserved)\s+)?(?:election|re-?election|appointment|assumption|elevation)s?\b",
                          re.I)
#: Between a cue and its target when the family says ``adjacent``: a determiner and up to two
#: words, no preposition ("concern about North Korea's", "concerned about the new sanctions").
_ADJACENT = re.compile(r"\s+(?:(?:the|a|an|its|their|this|these|those|such)\s+)?"
                       r"(?:(?!(?:in|of|on|at|for|with|from|by|to|within|across|over|around|into|between)\s)[\w-]+\s+){0,2}",
                       re.I)
#: After an issue, a harm done to it ("human rights violations", "ceasefire breaches").
_HARM_AFTER = re.compile(r"\s+(?:violations?|abuses?|breaches?)\b", re.I)
#: Target modes whose target comes before the cue: a claim judged false, an act judged wrong.
_BEFORE_MODES = ("before", "judged")
#: Right before a judgement, what makes it a predicate ("the sanctions are illegal", "described
#: ... as unfair"): not an adjective before its noun ("illegal fishing").
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|seems?|seemed|remains?|remained|looks?|looked|"
                            r"as)\s+(?:(?:\w+ly|very|so|too|quite|both|also|all|simply|just|not|never)\s+)*$", re.I)
#: A verb that judges its object by the words after it ("called the vote a mistake", "found the
#: ban unlawful"): its subject judges.
_JUDGING_VERB = re.compile(r"\b(?:call(?:s|ed|ing)?|term(?:s|ed|ing)?|deem(?:s|ed|ing)?|consider(?:s|ed|ing)?|"
                           r"finds?|finding|found|declar(?:e|es|ed|ing)|brand(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?|"
                           r"describ(?:e|es|ed|ing)|regard(?:s|ed|ing)?|view(?:s|ed|ing)?|judg(?:e|es|ed|ing))\s",
                           re.I)
#: After a one-word judgement, a word that makes it an adjective before its noun ("illegal aliens").
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|but|nor|to|for|in|under|because|since|as|by|of|at|on|from|if|unless|"
                         r"while|when|that|which|who|then|too|also|now|even|given|according|said|says)\b)[a-z][\w-]*")
#: How far before the judgement its verb may stand (words): "called the decision by the
#: government to raise tariffs unfair".
_JUDGED_REACH = 14


def _judgement(text: str, c: Match, clause_start: int) -> tuple[bool, re.Match | None]:
    """Whether a judging cue ("unfair", "a mistake") is a predicate, and the verb that makes it
    one when there is such a verb ("called X unfair", "described X as unfair")."""
    if " " not in c.text and _NOUN_AFTER.match(text, c.end):
        return False, None  # "ordered out as illegal aliens": an adjective before its noun
    verb = next(reversed(list(_JUDGING_VERB.finditer(text, clause_start, c.start))), None)
    if verb is not None and len(_GAP_WORDS.findall(text[verb.end():c.start])) > _JUDGED_REACH:
        verb = None
    copula = _COPULA_BEFORE.search(text, max(clause_start, c.start - 60), c.start) is not None
    if verb is not None and (copula and not re.search(r"\bas\s+(?:\w+\s+)*$", text[verb.end():c.start])):
        verb = None  # "said the plan, which Peru considers vital, was unfair": the copula's
    return copula or verb is not None, verb


#: Right before a judgement, "as": the complement of the verb before it ("condemned the
#: sanctions as illegal", "welcomed the deal as a step forward").
_AS_BEFORE = re.compile(r"\bas\s+(?:(?:a|an|the|\w+ly|very|so|too|quite|both|also|all|simply|just)\s+)*$", re.I)


def _judgements(text: str, s: int, e: int, cues: list[Match]) -> dict[int, tuple[int, re.Match | None]]:
    """The sentence's predicate judgements (see :func:`_judgement`), by cue start: where what
    they judge starts (the clause start, or the end of the judging verb) and that verb.
    A judgement that completes a stance cue after "as" is that cue's: "Iran condemned the
    sanctions as illegal" is Iran's condemnation, said once."""
    out = {}
    for c in cues:
        if c.payload.targets == "judged":
            clause_start, _ = _clause(text, s, e, c.start)
            predicate, verb = _judgement(text, c, clause_start)
            if predicate and verb is None and _AS_BEFORE.search(text, clause_start, c.start) and any(
                    clause_start <= o.start and o.end <= c.start and o.payload.targets != "judged"
                    and o.payload.stance in ("support", "oppose") for o in cues):
                continue
            if predicate:
                out[c.start] = (verb.end() if verb is not None else clause_start, verb)
    return out


def _cue_targets(sent: _Sentence, c: Match, holder: Actor | None, holder_m: Mention | None, prefer: str,
                 clause_start: int, clause_end: int) -> list[Mention]:
    """Rule 4: the targets of a cue, after it in its clause or, for a judged claim, before it."""
    fam: CueFamily = c.payload
    if fam.targets in _BEFORE_MODES:
        targets = [m for m in sent.mentions if clause_start <= m.start and m.end <= c.start and m is not holder_m
                   and m.source != "demonym" and not (holder is not None and m.canonical == holder.name)]
        issues = [m for m in targets if m.kind == "issue"]
        targets = (issues if prefer == "issue" and issues else targets)[-1:]
    else:
        targets = _targets(sent.text, c.end, clause_end, sent.mentions, holder, prefer,
                           _through(sent.lex, fam), sent.lex.harm_heads, sent.lex)
        if (not targets or fam.plover == "RETREAT") and " " in c.text:
            # "expelled Russian diplomats": the target inside a pattern's "..."; "the withdrawal of all
            # Chilean troops from Peru": who withdraws, before where from
            first_word = c.start + len(c.text.split()[0])
            targets = _targets(sent.text, first_word, c.end, sent.mentions, holder, prefer,
                               _through(sent.lex, fam), lex=sent.lex) or targets
    if fam.targets not in _BEFORE_MODES and fam.plover not in _PLOVER_OF_FORCE:
        # "rejected calls by Belarus for aid": toward Belarus, and the issue it asked for
        author = next((m for m in sent.mentions if m.kind == "actor" and m.actor is not None and c.end < m.start
                       and m.end <= clause_end and (sent.lex.proposal_by.fullmatch(sent.text, c.end, m.start) or (
                           # "rejected a Senegalese peace plan": the author named before the proposal
                           _DETERMINER_ONLY.fullmatch(sent.text, c.end, m.start)
                           and any(sent.lex.proposal_of.match(sent.text, at, clause_end)
                                   for at in (m.end, m.start + len(m.text.split()[0])))))), None)
        if author is not None and not (holder is not None and author.canonical == holder.name):
            targets = [author] + [t for t in targets if t.kind == "issue"]
    if fam.targets not in _BEFORE_MODES:
        # "I offer Mr. Dennis Francis my warm congratulations on his election to the presidency of
        # the General Assembly": the one the words are given to, named before them
        given_to = next((m for m in reversed(sent.mentions) if m.kind == "actor" and m.actor is not None
                         and clause_start <= m.start and m.end <= c.start
                         and _OWN_WORDS_BEFORE_CUE.fullmatch(sent.text, m.end, c.start)
                         and _GIVING_VERB.search(sent.text, max(clause_start, m.start - 40), m.start)), None)
        if given_to is not None and not (holder is not None and given_to.canonical == holder.name):
            targets = [given_to]
    # "given full endorsement by the Security Council": who endorses, not what is endorsed
    targets = [t for t in targets if not _BY_ONLY.fullmatch(sent.text, c.end, t.start)]
    # "congratulate you on your election to preside over the General Assembly": the body presided over
    # (and the election itself) is no target; the one congratulated is, and so is the office holder
    # named after it ("on his election as President of the General Assembly")
    targets = [t for t in targets if not (_ON_ELECTION.search(sent.text, c.end, t.end) and not (
        isinstance(t, Mention) and t.is_person))]
    if fam.adjacent:  # "concerned about Russia", not "concerned about the situation in the Niger"
        targets = [t for t in targets if t.start >= c.end and _ADJACENT.fullmatch(sent.text, c.end, t.start)]
    speaker = sent.att.speaker
    if speaker is not None:  # ", Foreign Minister X said": the speaker is not the target
        targets = [t for t in targets if t.canonical != speaker.name]
    if sent.act_doers and fam.plover in _POSITION_ACTS and fam.targets not in _BEFORE_MODES \
            and not any(t.kind == "actor" for t in targets):
        # "Washington condemned the launch": the one who launched, named in a sentence before
        ref = _act_referred_to(sent, c, clause_end, holder)
        if ref is not None:
            targets = [ref] + targets
    return targets


def _act_referred_to(sent: _Sentence, c: Match, clause_end: int, holder: Actor | None) -> Mention | None:
    """The doer of the act a definite noun right after the cue refers back to, as a mention of
    that noun ("condemned the launch" -> North Korea, who "on Monday launched" it)."""
    for k, (definite, _noun, _verb) in enumerate(sent.lex.act_references):
        doer = sent.act_doers.get(k)
        ref = definite.match(sent.text, c.end, clause_end) if doer is not None else None
        if ref is not None and not (holder is not None and doer.canonical == holder.name):
            start = ref.start() + len(ref.group()) - len(ref.group().lstrip())
            return replace(doer, start=start, end=ref.end(), text=sent.text[start:ref.end()],
                           source="act_reference", resolved=True, resolved_from=doer.text)
    return None


#: Between a doer and the verb of its act: "North Korea on Monday launched", "Hamas has again fired".
_DOER_GAP = re.compile(r"\s+(?:(?:has|have|had|again|also|reportedly|recently|yesterday|today|earlier|\w+ly|"
                       r"(?:on|last|this|early|late)\s+\w+)\s+)*", re.I)
_POSSESSIVE_GAP = re.compile(r"(?:[’']s?)?\s+(?:[\w-]+\s+){0,3}?")
_BY_GAP = re.compile(r"\s+by\s+(?:the\s+)?")


def act_doers(text: str, s: int, e: int, mentions: list[Mention], lex: Lexicon) -> dict[int, Mention]:
    """The doers of the acts one sentence reports, by kind of act (``act_references``): the subject
    of a verb ("North Korea on Monday launched"), the owner of a noun ("its second launch") or
    the actor after "by" ("the strikes by X"); the last one named wins, but an owner named only by
    "its" or "their" never replaces a doer found otherwise."""
    if not lex.act_words.search(lowered(text), s, e):
        return {}
    actors = [m for m in mentions if m.kind == "actor" and m.actor is not None
              and (m.source != "demonym" or is_plural_noun_demonym(m))]
    if not actors:
        return {}
    out: dict[int, Mention] = {}
    for k, (_definite, noun, verb) in enumerate(lex.act_references):
        for v in verb.finditer(text, s, e):
            m = next((m for m in reversed(actors) if m.end <= v.start()), None)
            if m is not None and _DOER_GAP.fullmatch(text, m.end, v.start()):
                out[k] = m
        for n in noun.finditer(text, s, e):
            m = next((m for m in reversed(actors) if m.end <= n.start()), None)
            if m is not None and _POSSESSIVE_GAP.fullmatch(text, m.end, n.start()) and \
                    text.startswith(("'", "’"), m.end):
                out[k] = m
            elif m is not None and k not in out and _ITS.search(text, max(m.end, n.start() - 30), n.start()):
                # "new sanctions on the DPRK over its missile launches": the owner is the actor named
                # last before "its" (a subject found for the act is surer, and kept)
                out[k] = m
            m = next((m for m in actors if m.start >= n.end()), None)
            if m is not None and _BY_GAP.fullmatch(text, n.end(), m.start):
                out[k] = m
    return out


def _neutrality(text: str, lex: Lexicon, targets: list, stance: str, act: str,
                negated: bool) -> tuple[str, str, list]:
    """A declared neutrality is about the parties named, or an issue named first ("had no position
    on cluster munitions"), or the default target; not supporting the parties, or supporting
    neutrality itself, is declaring neutrality. A state where the conflict is fought is no party
    named ("non-aligned in the war in Ukraine")."""
    if act == "neutral_declaration":
        named = [t for t in targets if t.kind == "issue" and t.canonical in lex.neutral_targets]
        if not named:
            others = [t for t in targets
                      if (t.kind == "actor" and not _IN_PLACE.search(text, max(0, t.start - 12), t.start))
                      or (t.kind == "issue" and t.canonical not in lex.neutrality_issues
                          and _ABOUT.search(text, max(0, t.start - 16), t.start))]
            named = others[:1] if others and others[0].kind == "issue" else [t for t in others if t.kind == "actor"]
        targets = named or [lex.neutral_target]
    elif negated and targets and all(t.kind == "issue" and t.canonical in lex.neutral_targets for t in targets):
        stance, act = "neutral", "neutral_declaration"
    if stance == "support" and targets and all(_target_key(t) in lex.neutrality_issues for t in targets):
        stance, act, targets = "neutral", "neutral_declaration", [lex.neutral_target]
    return stance, act, targets


_IN_PLACE = re.compile(r"\b(?:war|conflict|fighting|crisis|hostilities)\s+(?:in|inside)\s+(?:the\s+)?$", re.I)
#: A sentence's opening phrase, up to its comma: "Without the support of X,", "Thanks to X's aid,".
_OPENING_PHRASE = re.compile(r"[\s“\"‘']*(?:Without|With|Thanks\s+to|Despite|In\s+spite\s+of|Because\s+of|Given)\b"
                             r"[^,;:.]{1,120},")
#: Before the parties to a relation: "between Kosovo and ", "between the two Koreas".
_BETWEEN_PARTIES = re.compile(r"\bbetween\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,4}?(?:(?:and|,)\s+(?:the\s+)?)?$", re.I)
_ABOUT = re.compile(r"\b(?:on|about|regarding|over)\s+(?:the\s+)?$", re.I)


#: After an obligation, a passive ("must be reformed"): the subject is what is to be done, not who.
_PASSIVE_AFTER = re.compile(r"\s+(?:(?:not|never|again|\w+ly)\s+){0,3}be\s+(?:\w+ly\s+)?"
                            r"(?:\w+(?:ed|en|wn)|able|free|entitled|eligible)\b", re.I)
#: After an obligation, accountability demanded: the subject is opposed, not only addressed
#: ("must, and will, be held to account": an aside between the two is read past).
_HELD_TO_ACCOUNT = re.compile(r"(?:\s*,\s*(?:and|or)\s+(?:will|shall|must|can)\s*,)?\s+(?:(?:also|\w+ly)\s+)?(?:be\s+"
                              r"(?:\w+ly\s+)?"
                              r"(?:held\s+(?:fully\s+)?(?:to\s+account|accountable|responsible)|brought\s+to\s+justice|"
                              r"punished|prosecuted)|"
                              # "must bear the full legal and financial responsibility for its aggression"
                              r"bear\s+(?:the\s+)?(?:(?:full|legal|financial|political|moral|and)\s+){0,5}"
                              r"responsibility|pay\s+reparations|compensate)\b", re.I)
#: Right after an obligation, a negation: "should not have to cede" demands nothing of the subject.
_NEGATED_AFTER = re.compile(r"\s*(?:not|n[’']t|never)\b", re.I)
_NEGATED_BEFORE = re.compile(r"(?:\bnot|n[’']t|\bnever)\s+$", re.I)
#: Before an obligation's subject, a verb: the subject is its object ("issues impacting Member
#: States should serve him well": the issues, not the States, should).
#: "the US and other developed nations must": the subject named, with others unnamed
_OTHERS = re.compile(r"^\s+(?:and|or)\s+(?:the\s+)?(?:other|all|many|several|some)(?:\s+[\w-]+){0,3}(?=\s*$)", re.I)
_VERB_BEFORE = re.compile(r"\b[a-z]+ing\s+(?:(?:the|a|an|all|its|their|our)\s+)?$")


#: From the cue to its giver: "support from the", "endorsement Thursday from Sen. ", "fire from some".
#: (a determiner, a number and a title abbreviation may stand before the giver: "from some",
#: "from the two Democratic leaders", "from Sen. ")
_BEFORE_GIVER = (r"(?:(?i:the|its|his|her|their|some|many|several)\s+)?(?:(?i:two|three|four|five|both|all)\s+)?"
                 # a title's abbreviation ("from Sen. Warren"), never a name ending a sentence ("from Japan. ")
                 r"(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Adm|Prof|Pres|Amb|Sgt|Cmdr|Rev|St)\.\s+)?")
_FROM_GIVER = re.compile(r"(?:\s+[\w’'-]+){0,2}?\s+(?i:from|by|of)\s+" + _BEFORE_GIVER)
_AND_OTHERS = re.compile(r"\s*,?\s*(?:and|or)\s+(?:many\s+|several\s+|the\s+)?others?\b", re.I)
_ROLE_WORDS_BEFORE = re.compile(r"(?<=[,\s])(?:(?!(?:and|or|nor|the|a|an|of|by|to|for|with|who|which)\s)"
                                r"[a-z][a-z-]+\s+){1,2}$")
_GIVER_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}")
def _listed_after(text: str, first: Mention, mentions: list[Mention]) -> list[Mention]:
    """``first`` and the mentions listed after it by commas and "and" (titles between allowed):
    "the endorsements of President Obama, Vice President Biden and Senator Warren"."""
    out = [first]
    for m in mentions:
        if m.start >= out[-1].end and _GIVER_LIST.fullmatch(text, out[-1].end, m.start):
            out.append(m)
    return out


_TITLE_WORDS = re.compile(r"(?:[A-Z][\w.-]*\s+){0,2}")
_GIVER_AFTER_FROM = re.compile(r"\s*" + _BEFORE_GIVER)  # a cue that ends in "from" ("under fire from")
#: Verbs that make their subject the one a view is directed at ("came under criticism").
_UNDERGO_VERBS = (r"came\s+under|comes?\s+under|coming\s+under|been\s+under|faced|faces|facing|drew|draws|received|"
                  r"receives|attracted|attracts|earned|earns|garnered|garners|"
                  # what a move causes: "Sweden's decision sparked criticism from Turkey"
                  r"sparked|sparks|prompted|prompts|provoked|provokes|triggered|triggers|elicited|elicits|"
                  r"invited|invites|"
                  r"(?:been|become|became|is|was|are|were)\s+(?:the\s+|a\s+)?(?:frequent\s+)?targets?\s+of")
#: What the receiver of support or criticism does with it ("has received strong support from",
#: "came under fire from", "faced criticism from"): those, and the verbs of getting.
_RECEIVE = re.compile(r"\b(?:" + _UNDERGO_VERBS + r"|receive|receiving|won|wins|gained|gains|secured|secures|enjoyed|"
                      r"enjoys|got|gets|sought|seeks|picked\s+up|picks\s+up|face|came|comes?|coming)\b", re.I)
_OWNED_GAP = re.compile(r"[’']s?(?:\s+[\w-]+){1,2}?\s+(?:(?:has|have|had|also|again)\s+)*")
# (and the verbs of getting: "won praise from", with nobody named after it, is nobody's praise)
_UNDERGO = re.compile(r"\b(?:" + _UNDERGO_VERBS + r"|won|wins|gained|gains|secured|secures|enjoyed|enjoys)\b"
                      r"(?:\s+(?!(?:when|that|which|who|it|he|she|they|we|as|after|to|"
                      r"before|because|while|if)\b)[\w-]+){0,2}?\s+$", re.I)


def _undergone(sent: _Sentence, c: Match) -> bool:
    """Whether the cue names a view its clause's subject undergoes ("The president has come under
    sustained criticism at home"): with no giver named it is nobody's finding."""
    return _UNDERGO.search(sent.text, max(sent.start, c.start - 40), c.start) is not None


def _support_received(sent: _Sentence, c: Match) -> list[Finding]:
    """Support or criticism received: "Ukraine has received strong support from Japan" is Japan's
    support of Ukraine, "Germany came under fire from Trump advisers" their opposition to Germany
    (the giver follows "from", the receiver is the clause's subject)."""
    fam: CueFamily = c.payload
    giver_at = (_GIVER_AFTER_FROM if c.text.lower().endswith(" from") else _FROM_GIVER).match(sent.text, c.end)
    if giver_at is None or fam.stance not in ("support", "oppose") or fam.targets == "complement":
        return []
    # (a title may stand between: "attacks on Twitter by President Donald Trump")
    giver = next((m for m in sent.mentions if m.start >= giver_at.end() and m.kind == "actor"
                  and m.actor is not None and m.source != "demonym"
                  and _TITLE_WORDS.fullmatch(sent.text, giver_at.end(), m.start)), None)
    if giver is None:
        return []
    clause_start, clause_end = _clause(sent.text, sent.start, sent.end, c.start)
    verb = next(reversed(list(_RECEIVE.finditer(sent.text, clause_start, c.start))), None)  # the last before the cue
    if verb is None or len(_GAP_WORDS.findall(sent.text[verb.end():c.start])) > 3:
        return []  # "support from partners was low": who receives it is not said
    # (an issue may receive it as well: "the resolution drew condemnation from Moscow")
    receiver = next((m for m in reversed(sent.mentions) if (m.kind == "issue" or m.actor is not None)
                     and m.source != "demonym" and clause_start <= m.start and m.end <= verb.start()), None)
    gap = sent.text[receiver.end:verb.start()] if receiver is not None else ""
    # (the receiver may own what receives it: "Mr. Obama's speech drew criticism from")
    if receiver is None or not (_AUX.match(gap) or (_OWNED_GAP.fullmatch(gap) and receiver.kind == "actor")) or \
            receiver.canonical == giver.canonical or any(
                clause_start <= n.start < c.start for n in sent.negators):
        return []  # (not "has not received support from")
    # "won the endorsements of President Obama, Vice President Biden and Senator Warren": each one's
    givers = _listed_after(sent.text, giver, [m for m in sent.mentions if m.end <= clause_end and m.kind == "actor"
                                                and m.actor is not None])
    return [Finding(g.actor, g.resolved, receiver, fam.stance, fam.act, fam.plover, c.start, c.end, c.text,
                    False, "") for g in givers if g.canonical != receiver.canonical]


#: (after a possessive, up to two adjectives: "one of President Trump's staunchest supporters")
_ROLE_NOUN = re.compile(r"(?:[’']s(?:\s+(?:most|more|[a-z]+est|[a-z]+ly|longtime|long-time|vocal|outspoken|loyal|"
                        r"key|main|chief|top|leading|prominent|fierce|ardent|frequent|close|strong|harsh|early|"
                        r"fellow|former|biggest|best|greatest|bitter)){0,2})?\s+([a-z]+)\b(?!\s+(?:say|said|argue|claim))")
#: Between the one a role noun describes and the actor it names: ", a frequent ", " is an ardent ",
#: " has been one of the most outspoken ", ", a 64-year-old ".
_DESCRIBES = re.compile(r"(?:,\s+|\s+(?:is|was|are|were|has\s+been|had\s+been|have\s+been|became|becomes|remains|"
                        r"remained|(?:has\s+|have\s+)?emerged\s+as|is\s+seen\s+as)\s+(?:(?:also|long|now|still)\s+)?)"
                        r"(?:(?:a|an|the|another|one\s+of(?:\s+the)?)\s+)?(?:(?!(?:of|by|from|for|to|with)\s)[a-z0-9-]+\s+){0,3}?"
                        r"(?:(?:President|Senator|Sen\.|Prime\s+Minister|Mr\.|Ms\.|Mrs\.|Gov\.|Governor|Rep\.)\s+)?",
                        re.I)


def _role_noun_findings(text: str, s: int, e: int, mentions: list[Mention], lex: Lexicon) -> list[Finding]:
    """ "Sasse, a frequent Trump critic, said": Sasse against Trump; "X is an ardent Hillary
    Clinton supporter": X for her (``role_nouns`` in stance.yaml)."""
    out = []
    actors = [m for m in mentions if m.kind == "actor" and m.actor is not None]
    for k, t in enumerate(actors):
        noun = _ROLE_NOUN.match(text, t.end, e)
        stance = lex.book.role_nouns.get(noun.group(1)) if noun else None
        if stance is None or t.source == "demonym":
            continue
        holder = next((h for h in reversed(actors[:k]) if h.start >= s and h.canonical != t.canonical
                       and _DESCRIBES.fullmatch(text, h.end, t.start)), None)
        if holder is None:
            continue  # "Trump critics say": nobody named
        plover = ("SUPPORT" if stance == "support" else "DISAPPROVE")
        plover = plover if plover in lex.book.plover_quads else ""
        out.append(Finding(holder.actor, holder.resolved, t, stance, stance, plover, noun.start(1), noun.end(1),
                           noun.group(1), False, ""))
    return out


#: After an obligation, a demand to stop what the subject does ("must stop", "should withdraw").
_STOP_DEMANDED = re.compile(r"\s+(?:(?:immediately|now|urgently|also|finally|at\s+once)\s+)?(?:stop|cease|halt|desist|"
                            r"end\s+(?:its|their|his|her)|put\s+an\s+end\s+to\s+(?:its|their|his|her)|"
                            r"withdraw\s+(?:all\s+)?(?:of\s+)?(?:its|their|his|her)\s+(?:[a-z]+\s+)?(?:forces|troops))\b",
                            re.I)


def _obligation_demands(text: str, s: int, e: int, mentions: list[Mention], att: Attribution,
                        lex: Lexicon) -> list[Finding]:
    """Demands made by putting an obligation on an actor in what a speaker says: "Russia said
    Sudan must return the helicopter" is Russia's demand of Sudan (PLOVER DEMAND, stance
    ``none``: a demand states no view of the one it is made of), whatever the verb after it.
    Only in speech with a speaker (reported, quoted, or a text's own voice), and not of the
    speaker itself ("we must act")."""
    if att.speaker is None:
        return []
    out = []
    for o in lex.obligations.finditer(text, s, e):
        accountable = _HELD_TO_ACCOUNT.match(text, o.end) is not None
        ceasing = _STOP_DEMANDED.match(text, o.end) is not None
        if att.attribution == "reported" and o.start < att.verb_end or (_PASSIVE_AFTER.match(text, o.end)
                                                                         and not accountable) \
                or _NEGATED_AFTER.match(text, o.end) or _NEGATED_BEFORE.search(text, max(s, o.start - 12), o.start):
            continue  # outside what is said; "the Council must be reformed"; "should not have to"
        subject = next((m for m in reversed(mentions) if m.end <= o.start and m.kind == "actor"
                        and m.actor is not None and m.source != "demonym"), None)
        if subject is None or subject.start < s or not _AUX.match(_OTHERS.sub("", text[subject.end:o.start])) \
                or not is_subject_candidate(text, subject) or _VERB_BEFORE.search(text, s, subject.start):
            continue
        holder = _speaker_state(att)
        if holder is None or subject.canonical in (holder.name, att.speaker.name):
            continue
        plover = "DEMAND" if "DEMAND" in lex.book.plover_quads else ""
        role = _ROLE_ASSIGNED.match(text, o.end) is not None
        for t in _coordinated(text, subject, mentions):
            if t.canonical not in (holder.name, att.speaker.name):
                if accountable or ceasing:  # "Russia must, and will, be held to account", "Abbas must
                    # stop spreading ...", "Russia must withdraw": against what the subject does
                    out.append(Finding(holder, att.resolved, t, "oppose", "urge", plover, o.start, o.end, o.text,
                                       False, "", t.canonical))
                elif role:  # "should form the backbone of this family": a place given, supported
                    out.append(Finding(holder, att.resolved, t, "support", "support",
                                       "SUPPORT" if "SUPPORT" in lex.book.plover_quads else "", o.start, o.end,
                                       o.text, False, ""))
                else:
                    out.append(Finding(holder, att.resolved, t, "none", "urge", plover, o.start, o.end, o.text,
                                       False, "", t.canonical))
    return out


def sentence_findings(text: str, s: int, e: int, mentions: list[Mention], att: Attribution, quoted: bool,
                      lex: Lexicon, act_doers: dict[int, Mention] | None = None) -> list[Finding]:
    """The stance findings of one sentence (see the module docstring for the rules); ``act_doers``:
    the doers of acts the sentences before report (:func:`act_doers`)."""
    if _RHETORICAL.match(text, s, e):
        return []  # "Can the United States ... call itself the defender of women's rights?": asserts nothing
    demands = _obligation_demands(text, s, e, mentions, att, lex) + (
        _role_noun_findings(text, s, e, mentions, lex) if lex.book.role_nouns else [])
    cues = _cues(text, s, e, mentions, lex)
    if not cues:
        return _merge(demands)  # every other finding starts at a cue: most sentences end here
    sent = _Sentence(text, s, e, mentions, att, quoted, lex, list(lex.negators.finditer(text, s, e)),
                     list(lex.modals.finditer(text, s, e)), list(lex.conditionals.finditer(text, s, e)),
                     list(lex.future_markers.finditer(text, s, e)), act_doers or {})
    findings: list[Finding] = list(demands)
    appeals: list[_Appeal] = []
    consumed: list[tuple[int, int]] = []  # targets taken: a cue inside one is part of it
    # (last cue end, last target end, holder, resolved, whether an issue came last, all its holders)
    previous: tuple | None = None
    harms = list(lex.harm_to_target.finditer(text, s, e))
    judgements = _judgements(text, s, e, cues)
    for i, c in enumerate(cues):
        if any(a <= c.start < b for b, (a, _) in judgements.items()):
            continue  # "the sanctions against Cuba are illegal": the sanctions are judged, not imposed here
        received = _support_received(sent, c)
        if received:
            findings += received
            continue
        if c.payload.stance in ("support", "oppose") and c.payload.targets != "complement" and _undergone(sent, c):
            continue  # "came under sustained criticism at home": from nobody named
        doers = _UNNAMED_DOERS.search(text, max(s, c.start - 30), c.start) if c.text[-3:].lower() == "ing" else None
        if doers is not None and not any(m.kind == "actor" and 0 <= doers.start() - m.end <= 3 for m in mentions):
            continue  # "the countries supporting Israel", "those opposing the plan": unnamed doers' act
            # ("EU countries supporting Ukraine", "Iran's forces supporting Hezbollah" are named)
        if any(a <= c.start < b for a, b in consumed):
            continue  # part of another cue's target ("support ... providing assistance")
        if any(h.start <= c.start < h.end and any(p.end <= h.start and p.payload.stance == "oppose" for p in cues[:i])
               for h in harms):
            continue  # "condemned attacks on Ukraine": the harm condemned, not an attack by anyone
        position = _position(sent, cues, i)
        if position is None:
            continue
        stance, act, plover, negated, clause_start, clause_end = position
        # "decrying income inequality and supporting Obama": the object of a second predicate of the
        # other polarity is not the first's ("condemned and rejected the plan" share it)
        target_end = clause_end
        opening = _OPENING_PHRASE.match(text, s, clause_end)
        if opening is not None and c.end <= opening.end():
            # "Without the United States' support, neither the United Kingdom nor ...": a cue in an
            # opening phrase has its target inside it
            target_end = opening.end() - 1
        nxt = next((d for d in cues[i + 1:] if d.start >= c.end), None)
        if nxt is not None and nxt.start < clause_end and \
                {c.payload.stance, nxt.payload.stance} == {"support", "oppose"}:
            joint = _AND_NEXT_PREDICATE.search(text, c.end, nxt.start)
            if joint is not None and _GAP_WORDS.findall(text, c.end, joint.start()):
                target_end = joint.start()
        # "supporting forces on the ground that are battling the Islamic State": an actor a relative
        # clause after the object names is that clause's (an issue it names still is the holder's:
        # "welcomes the Agenda, which urges climate action")
        relative = next(filter(None, (rx.search(text, c.end, target_end)
                                      for rx in (_RELATIVE_CLAUSE, _PARTICIPIAL_CLAUSE, _NEW_CLAUSE))), None)
        actors_end = relative.start() if relative is not None and _GAP_WORDS.findall(
            text, c.end, relative.start()) else target_end
        if nxt is not None and c.payload.plover == "THREATEN" and nxt.payload.stance == "support" and \
                _TO_AFTER_AGENT.fullmatch(text, c.end, nxt.start):
            continue  # "threatened to defend Yingluck": support, threatened
        fam: CueFamily = c.payload
        # Rule 3: the holder.
        if previous is not None and (any(p <= c.start and _COORDINATED.match(text[p:c.start]) for p in previous[:2])
                                     or (previous[4] and previous[1] <= c.start
                                         and _PURPOSE.fullmatch(text, previous[1], c.start))):
            # "rejects X and does not side with Y"; "has provided a framework of cooperation among
            # nations to promote peace": the purpose is the same holder's
            holder, resolved, holder_m = previous[2], previous[3], None
            shared = previous[5]  # "Turkey and Qatar have provided ... and backed": both
        else:
            shared = None
            holder, resolved, holder_m = _holder(text, c.start, clause_start, s, mentions, att, quoted,
                                                 lex.harm_heads, lex.adversaries_after_owner)
        judged_from = clause_start
        attributive = None
        if fam.targets == "judged" and c.start not in judgements:
            # "illegal fishing": an adjective before its noun judges nothing, but before an issue it
            # does in a speaker's words ("would only legitimize Russia's illegal annexations")
            # (a one-word judgement only; it may also name a kind of the issue, "illegal migration",
            # which this reads as a judgement too: measured in pass 26, not answered)
            attributive = next((m for m in mentions if m.kind == "issue" and m.start >= c.end
                                and not text[c.end:m.start].strip()), None)
            if attributive is None or att.speaker is None or " " in c.text.strip():
                continue
            holder, resolved, holder_m = att.speaker, att.resolved, None
            judged_from = c.end
        elif fam.targets == "judged":
            judged_from, verb = judgements[c.start]
            if verb is not None:  # "Peru called the tariffs unfair": the subject of "called" judges them
                holder, resolved, holder_m = _holder(text, verb.start(), clause_start, s, mentions, att, quoted,
                                                     lex.harm_heads, lex.adversaries_after_owner)
            elif att.speaker is not None:  # "the tariffs are unfair, Peru said": who says so judges
                holder, resolved, holder_m = att.speaker, att.resolved, None
            else:  # "the US actions against Cuba are shameful": nobody named judges; the US is judged
                holder, resolved, holder_m = None, False, None
        # Rule 5: modality (hedges and boosters are read per sentence, in document_stance).
        modality = next((m.text.lower() for m in reversed(sent.modals) if clause_start <= m.start < c.start), "")
        courtesy = [n for n in lex.not_future.finditer(text, clause_start, c.start)]
        if plover in lex.book.plover_future and any(clause_start <= m.start and m.end <= c.end and
                                        len(_GAP_WORDS.findall(text[m.end:c.start])) < lex.book.future_window
                                        and not any(n.start <= m.start < n.end for n in courtesy)
                                        for m in sent.futures):
            plover = lex.book.plover_future[plover]  # "will visit": a promise; "would boycott": a threat
        containing = [a for a in appeals if a.start <= c.start < a.end
                      and not _NEW_FINITE_PREDICATE.search(text, max(a.start, c.start - 20), c.end)]
        appeal = containing[0] if containing else None
        # "called for the withdrawal of all Russian troops": asked of Russia, no support of it
        asked_to_yield = appeal is not None and plover == "RETREAT"
        if appeal is not None:  # a cue inside an appeal's complement is what the appeal asks for
            if stance == "none":
                # an act asked for is supported ("urge economies to deliver on their commitments"), an
                # act of conflict opposes its target ("urged Israel to strike Iran")
                stance = {"cooperation": "support", "conflict": "oppose"}.get(
                    lex.book.plover_quads.get(plover, "").rpartition("_")[2], "none")
            act, plover = appeal.finding.act, appeal.finding.plover
            holder, resolved, holder_m = appeal.finding.holder, appeal.finding.holder_resolved, None
            for a in containing:
                a.inner = min(a.inner, c.start)
        if fam.targets == "complement":
            finding = Finding(holder, resolved, "", stance, act, plover, c.start, c.end, c.text, negated, modality)
            appeals.append(_open_appeal(sent, c, finding, clause_end))
            previous = (c.end, c.end, holder, resolved, False, [(holder, resolved)]) if holder is not None \
                else previous
            continue
        if fam.targets == "before" and att.speaker is not None:
            # The claim is the subject; who judges it speaks.
            holder, resolved, holder_m = att.speaker, att.resolved, None
        prefer = ("issue_only" if fam.prefer == "issue_only" else "issue") if appeal is not None else fam.prefer
        addressee = appeal.finding.addressee if appeal is not None else ""
        if holder_m is not None and appeal is None and any(
                holder_m.end <= m.start and m.end <= c.start and _AUX.match(text[m.end:c.start])
                for m in sent.lex.obligations.finditer(text, holder_m.end, c.start)):
            # "Russia must end the aggression": the speaker's demand of Russia
            speaker = _speaker_state(att) if att.speaker is not None else None
            if speaker is None:
                continue  # nobody named makes the demand
            if speaker.name != holder_m.canonical and att.speaker.name != holder_m.canonical:
                addressee, holder, resolved, holder_m = holder_m.canonical, speaker, att.resolved, None
                act, plover = "urge", "DEMAND" if "DEMAND" in lex.book.plover_quads else plover
            # else "Cambodia should not side with any party", said for Cambodia: its own position
        holders = shared if shared and any(h is holder for h, _ in shared) else [(holder, resolved)]
        agents: list[Mention] = []
        if _PARTICIPLE.match(c.text) and not _adjectival(text, c) and appeal is None:
            agent = _agent(text, c, clause_end, mentions, lex.role_between)
            if agent is not None and (holder_m is None or not _PASSIVE_AUX.search(text[holder_m.end:c.start])) \
                    and not (holder_m is not None and _ACTIVE_AFTER_SUBJECT.fullmatch(text, holder_m.end, c.start)) \
                    and not lex.proposal_by.fullmatch(text, c.end, agent.start):  # "rejected calls by X"
                # "the contributions pledged by Jamaica": the act is the agent's, and each one's of
                # "by Jamaica and the Bahamas"
                holder, resolved, holder_m = agent.actor, agent.resolved, None
                agents = [m for m in _coordinated(text, agent, mentions, clause_end) if m.start >= agent.start]
                holders = [(m.actor, m.resolved) for m in agents]
                # "by Jamaica, the Bahamas and others": no target among them either
                agents = [*agents[:-1], *_listed_after(text, agents[-1], mentions)]
        patient = _possessed_patient(text, c, clause_start, mentions) if holder_m is None else None
        if patient is not None and holder is not None and patient.canonical != holder.name:
            targets = [patient]  # "Trump's remarks were criticized by Germany": toward Trump
        elif attributive is not None:
            targets, holders = [attributive], [(holder, resolved)]
        elif fam.targets == "judged":
            targets = _cue_targets(sent, c, holder, holder_m, prefer, judged_from, target_end)
            holders = [(holder, resolved)] if holder is not None else []
        elif holder_m is not None:
            passive, agent = _passive_agent(text, c, holder_m, clause_end, mentions, lex.role_between)
            if passive:  # "Avery was accused of ...", "is praised by the Senate": the subject is the target
                if agent is None:
                    continue
                targets = _coordinated(text, holder_m, mentions, c.start)  # "Obama and Biden were criticized"
                holder, resolved, holder_m = agent.actor, agent.resolved, agent
                holders = [(m.actor, m.resolved) for m in _coordinated(text, agent, mentions, clause_end)
                           if m.start >= agent.start]  # "... by Kagwe and Lindqvist"
            else:
                targets = _cue_targets(sent, c, holder, holder_m, prefer, clause_start, target_end)
                group = _coordinated(text, holder_m, mentions, c.start)
                if group[0] is not holder_m and any(d.end <= group[0].start and _OBJECT_NEXT.fullmatch(
                        text, d.end, group[0].start) for d in cues[:i]):
                    # "Peru backed Chile and the United States criticised Bolivia": Chile is an object
                    group = group[group.index(holder_m):]
                holders = [(m.actor, m.resolved) for m in group]
                if fam.mutual and len(group) > 1:
                    # "the United States and Jordan have agreed": an act of each toward the other
                    targets = [t for t in targets if t.kind == "issue"]
                    for m in group:
                        for other in group:
                            if other is not m:
                                findings.append(Finding(m.actor, m.resolved, other, stance, act, plover, c.start,
                                                        c.end, c.text, negated, modality))
        else:
            targets = [t for t in _cue_targets(sent, c, holder, holder_m, prefer, clause_start, target_end)
                       if not any(t is a for a in agents)]
            subject = next((m for m in reversed(mentions) if m.kind in ("issue", "actor") and clause_start
                            <= m.start and m.end <= c.start and not any(m is a for a in agents)), None) \
                if agents else None
            if subject is not None and _REDUCED_RELATIVE.fullmatch(text, subject.end, c.start) and (
                    subject.kind == "issue" or stance in ("support", "oppose")) and not _AFTER_PREPOSITION.search(
                    text, max(clause_start, subject.start - 15), subject.start):
                # (not a name inside a phrase: "the attack on Kyiv, backed by Iran" backs no Kyiv)
                # a participle after a comma: "The resolution, drafted by Jordan, was adopted", "Russia,
                # backed by China, vetoed it" (China's support of Russia, not of what Russia vetoed)
                targets = [subject]
            elif not targets and subject is not None and subject.kind == "issue" and _PASSIVE_AUX.search(
                    text[subject.end:c.start]) and _words_between(text, subject.end, c.start, lex) <= 4:
                # "Sanctions are opposed by Hungary": the passive's subject, an issue, is the target
                targets = [subject]
        targets = [t for t in targets if not (isinstance(t, Mention) and t.kind == "actor" and t.start >= actors_end)]
        if stance in ("support", "oppose"):
            # "the normalization of relations between Kosovo and Serbia": the parties to what is
            # supported are not supported (a declared neutrality between them is about them)
            targets = [t for t in targets if not (isinstance(t, Mention) and t.kind == "actor" and t.start >= c.end
                                                  and _BETWEEN_PARTIES.search(text, c.end, t.start))]
        if _ALLY_OF.fullmatch(c.text):
            # one is the ally of an actor: "the victors and their allies of the Second World War" are no
            # support of the war
            targets = [t for t in targets if isinstance(t, Mention) and t.kind == "actor"]
        stance, act, targets = _neutrality(text, lex, targets, stance, act, negated)
        harmed_end = -1  # the end of the last target read as harmed
        for t in targets:
            harm_from = judged_from if fam.targets == "judged" else c.end  # "the blockade of X is illegal"
            # (a harm threatened is the holder's own: "threatened to impose sanctions on Peru" opposes Peru)
            can_harm = stance == "oppose" and fam.plover != "THREATEN" and isinstance(t, Mention) \
                and t.start >= harm_from
            harms_of_t = [h for h in lex.harm_to_target.finditer(text, harm_from, t.start)
                          if _words_between(text, h.end, t.start, lex) <= 3
                          and not _BY.search(text, h.end, t.start)] if can_harm else []  # "... by X": X does it
            harmed = can_harm and (bool(harms_of_t)
                                   or (harmed_end >= 0 and _AND_THE.match(text, harmed_end, t.start) is not None)
                                   or (t.kind == "issue" and _HARM_AFTER.match(text, t.end) is not None))
            # "slammed the sanctions against Russia": the harm is an issue of its own, opposed too
            harm_issues = [m for m in mentions if m.kind == "issue" and any(m.start <= h.start < m.end
                                                                            for h in harms_of_t)
                           and not any(m is u for u in targets)] if harmed and t.kind == "actor" else []
            if harmed:
                harmed_end = t.end  # "the violation of the territorial integrity and sovereignty of"
                refused = next((m for m in mentions if fam.negates_next and m.kind == "issue"
                                and harm_from <= m.start and m.end <= t.start), None)
                if refused is not None:
                    # "declined to join sanctions against Moscow": against the sanctions, no support of
                    # Moscow (a refusal to act is no view of whom the act was against)
                    t, harmed = refused, False
            for who, who_resolved in holders:
                reading = (stance, act, plover)
                # "condemns the violation of the Charter"; "refrain from the use of nuclear weapons"
                # (a problem the issue works against: disarmament)
                if harmed or (stance == "oppose" and isinstance(t, Mention) and t.source == "problem"):
                    reading = ("support", act, plover)
                elif stance == "support" and isinstance(t, Mention) and t.source == "problem" and \
                        not _AGAINST_A_PROBLEM.search(text, c.end, t.start) and \
                        not _CUE_AGAINST.fullmatch(c.text) and \
                        not lex.work_against_after.match(text, t.end):
                    # (the cue may itself work against it: "the disarmament of all weapons")
                    reading = ("oppose", act, plover)  # "defended its nuclear weapons"
                elif stance == "support" and isinstance(t, Mention) and (
                        (t.kind == "issue" and t.source != "problem" and _against_the_issue(text, c.end, t,
                                                                                           lex.harm_heads))
                        or (t.kind == "actor" and t.start >= c.end and _owns_a_harm(text, t, lex.harm_heads))):
                    # "committed to the Convention against Terrorism"; "support mechanisms investigating
                    # Russia's violations": against the harm, and against the one it belongs to
                    reading = ("oppose", act, plover)
                if fam.between_states and not negated and who is not None and who.type == "state" \
                        and isinstance(t, Mention) and t.actor is not None and t.actor.type == "state":
                    reading = fam.between_states  # "Russia attacked Ukraine" is force, not a view
                if asked_to_yield and isinstance(t, Mention) and t.kind == "actor":
                    findings.append(Finding(who, who_resolved, t, "none", act, plover, c.start, c.end, c.text,
                                            negated, modality, t.canonical))
                    continue
                findings.append(Finding(who, who_resolved, t, *reading, c.start, c.end, c.text, negated,
                                        modality, addressee))
                findings += [Finding(who, who_resolved, m, stance, act, plover, c.start, c.end, c.text, negated,
                                     modality, addressee) for m in harm_issues]
            if isinstance(t, Mention):
                consumed.append((t.start, t.end))
        if holder is not None:
            last_end = max([c.end] + [t.end for t in targets if isinstance(t, Mention)])
            issue_last = bool(targets) and isinstance(targets[-1], Mention) and targets[-1].kind == "issue"
            previous = (c.end, last_end, holder, resolved, issue_last, holders)
    for a in appeals:
        # An appeal is about what it asks for: its own targets before any cue in its complement;
        # with a cue in the complement and nothing before it, that cue's finding says it all.
        # (what is asked against an issue opposes it: "to address the problem of irregular migration")
        findings += [replace(a.finding, target=t, stance="oppose") if a.finding.stance == "support" and t.kind ==
                     "issue" and t.source != "problem" and _against_the_issue(text, a.start, t, lex.harm_heads)
                     else replace(a.finding, target=t) for t in a.targets if t.start < a.inner]
    return _merge(_nested_opposition(text, [f for f in findings if f.holder is not None and f.target != ""
                                      and not (isinstance(f.target, Mention) and f.target.canonical == f.holder.name)]))


#: Common nouns (and "those") right before a participle cue: its doers, whom the text does not name.
_UNNAMED_DOERS = re.compile(rf"\b(?:those|anyone|everyone|all\s+who|others|(?:{_GROUP_NOUNS})"
                            r"(?:\s+(?:that|who|which)\s+are)?)\s+$", re.I)
#: Between two cues of one phrase ("rejects all forms of support for"), no list or clause break.
_ONE_PHRASE = re.compile(r"[^,;:]*")
_AND_BETWEEN = re.compile(r"\b(?:and|but|or|while|whereas)\b", re.I)
#: A lack between them turns the inner cue over: "warned against the lack of respect for the law".
_LACK_OF = re.compile(r"\b(?:lack|absence|disregard|failure|erosion|violations?|undermining|abandonment)\b", re.I)


def _nested_opposition(text: str, findings: list[Finding]) -> list[Finding]:
    """Without the support that an opposition of the same holder to the same mention governs or
    serves: "rejects all support for terrorism" and "a commitment to end terrorism" oppose
    terrorism and support nothing (both cues stand before the target in one phrase; "condemned the
    attack and supported Ukraine" are two acts; two oppositions, a double negation, are left as
    they are)."""
    opposed = {(f.holder.name, f.target.start, f.target.end): f for f in findings
               if f.stance == "oppose" and isinstance(f.target, Mention)}
    out = []
    for f in findings:
        o = opposed.get((f.holder.name, f.target.start, f.target.end)) if f.stance == "support" and \
            isinstance(f.target, Mention) else None
        if o is not None and max(o.cue_end, f.cue_end) <= f.target.start:
            gap = text[min(o.cue_end, f.cue_end):max(o.cue_start, f.cue_start)]
            if _ONE_PHRASE.fullmatch(gap) and not _AND_BETWEEN.search(gap) and not _LACK_OF.search(gap):
                continue
        out.append(f)
    return out


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


def person_affiliations(text: str, mentions: list[Mention], lex: Lexicon) -> dict[str, str]:
    """The actor each person of a document is introduced with, for persons no codebook, title or
    apposition gave one: "Lock the Gate spokeswoman, Naomi Hogan" speaks for Lock the Gate,
    "Robert Verchick, president of the Center for Progressive Reform" for the Center, "Samantha
    Power, US ambassador" for the United States. The first introduction counts."""
    named = sorted((m for m in mentions if m.kind == "actor" and m.actor is not None
                    and m.source not in ("pronoun", "role_reference")), key=lambda m: m.start)
    out: dict[str, str] = {}
    for k, m in enumerate(named):
        prev = named[k - 1] if k else None
        if m.actor.type == "organisation" and not m.actor.affiliation and m.canonical not in out \
                and prev is not None and prev.actor.type == "state" and m.text.split()[-1].lower() in lex.state_bodies \
                and _STATE_BODY_GAP.fullmatch(text, prev.end, m.start):
            out[m.canonical] = prev.canonical  # "the Russian Defence Ministry", "Britain's Foreign Office"
            continue
        if not m.is_person or m.actor.affiliation or m.canonical in out:
            continue
        nxt = named[k + 1] if k + 1 < len(named) else None
        # (a comma before the person opens an apposition, which one after it closes: "Lock the Gate
        # spokeswoman, Naomi Hogan, accused"; not "was a Klan lawyer, Harris says")
        if prev is not None and prev.canonical != m.canonical and \
                lex.affiliated_before.fullmatch(text, prev.end, m.start) and \
                ("," not in text[prev.end:m.start] or text[m.end:m.end + 1] == ","):
            out[m.canonical] = prev.canonical
        elif nxt is not None and nxt.canonical != m.canonical and (
                lex.affiliated_after.fullmatch(text, m.end, nxt.start)
                or (_APPOSED_ACTOR.fullmatch(text, m.end, nxt.start) and len(nxt.text.split()) > 1
                    and nxt.text.split()[-1] in lex.book.person_roles)):
            out[m.canonical] = nxt.canonical
    return out


def organisation_bodies(mentions: list[Mention], index: ActorIndex) -> dict[str, str]:
    """Organisations no codebook lists whose name opens with a codebook organisation's: bodies of it,
    which speak for it ("the African Union Commission", "the NATO Parliamentary Assembly")."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.source != "name" or m.actor is None or m.actor.type != "organisation" or m.canonical in out:
            continue
        head = next(iter(index.actors.finditer(m.canonical, 0, len(m.canonical))), None)
        if head is not None and head.start == 0 and head.end < len(m.canonical) and \
                head.payload[1] == "codebook" and head.payload[0].type == "organisation":
            out[m.canonical] = head.payload[0].name
    return out


#: Between a state and a body of it: "Russian Defence Ministry", "Britain's Foreign Office".
_STATE_BODY_GAP = re.compile(r"(?:[’']s)?\s+")
#: A person, then an actor's role in an apposition: "Samantha Power, US ambassador".
_APPOSED_ACTOR = re.compile(r",\s+(?:the\s+)?")


#: How many sentences back a definite noun ("the launch") may refer to the act it names.
ACT_REFERENCE_REACH = 5


def document_stance(doc_id: str, text: str, sentences: list[tuple[int, int, int, bool]], dm: DocumentMentions, *,
                    index: ActorIndex, lex: Lexicon) -> list[tuple]:
    """Stance rows of one document; ``sentences``: (sentence_id, char_start, char_end, in_quote)."""
    rows = []
    issue_labels = index.issue_labels
    affiliations = None  # worked out for the documents that have a finding
    doers: dict[int, tuple[int, Mention]] = {}  # kind of act -> (sentence number, its doer)
    for n, (sid, s, e, in_quote) in enumerate(sentences):
        mentions = dm.by_sentence.get(sid, [])
        att = dm.attribution.get(sid, Attribution())
        quoted = att.attribution == "direct_quote" or bool(in_quote)
        recent = {k: m for k, (at, m) in doers.items() if n - at <= ACT_REFERENCE_REACH}
        found = sentence_findings(text, s, e, mentions, att, quoted, lex, recent)
        doers.update((k, (n, m)) for k, m in act_doers(text, s, e, mentions, lex).items())
        if not found:
            continue
        if affiliations is None:
            affiliations = {**organisation_bodies(dm.mentions, index), **person_affiliations(text, dm.mentions, lex)}
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
            affiliation = h.affiliation or affiliations.get(h.name, "") or (h.name if h.type == "state" else "")
            rows.append((doc_id, sid, s, e, h.name, affiliation, h.type,
                         target, target_type, f.stance, f.act, f.cue, f.cue_start, f.cue_end, f.negated, hedged,
                         boosted, f.modality, att.attribution,
                         att.speaker.name if att.speaker is not None else "", f.holder_resolved, f.addressee,
                         text[s:e], f.plover, lex.book.plover_quads.get(f.plover, "")))
    return rows


def stance_table(documents: pd.DataFrame, sentences: pd.DataFrame, codebooks: Codebooks, *,
                 analysed: dict[str, DocumentMentions]) -> pd.DataFrame:
    """``stance.csv``: one row per (sentence, holder, target) finding.
    ``analysed``: the mentions of every document (:func:`analysis.stages.mentions.analyse_documents`)."""
    index = actor_index(codebooks)
    lex = stance_lexicon(codebooks)
    by_doc = rows_by_document(sentences, ["sentence_id", "char_start", "char_end", "in_quote"])
    rows = []
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        if doc_id in by_doc:
            rows.extend(document_stance(doc_id, text, by_doc[doc_id], analysed[doc_id], index=index, lex=lex))
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)


def stance_stage(tables: dict, rules) -> dict:
    return {"stance": stance_table(tables["documents"], tables["sentences"], rules.codebooks,
                                   analysed=tables["document_mentions"])}


STAGE = Stage("stance", stance_stage, requires=("documents", "sentences", "document_mentions"), provides=("stance",),
              reads=("actors", "places", "issues", "stance"))
