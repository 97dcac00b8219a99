"""The codebooks: validated on load with errors naming file and entry, loaded fresh every
time (an edit is used at once), and hashed by content."""

import re
import shutil

import pytest

import analysis
from analysis.config import CODEBOOK_DIR, load_codebooks
from analysis.config.codebooks import FILES, load_anchor_events, load_frames
from analysis.errors import CodebookError

from conftest import write


def test_package_codebooks_load():
    books = load_codebooks()
    assert books.frames.ids[:2] == ["neutrality", "sovereignty_law"]
    assert {"Hun Sen", "NATO"} <= {a.name for a in books.actors.actors}
    assert "Cambodia" in books.places.countries and books.issues and books.stance.cues and books.anchor_events
    assert set(books.files) == set(FILES)


# One bad entry per codebook file: (file, what to replace, with what, the message it gives).
BAD_ENTRIES = [
    ("actors.yaml", "type: leader", "type: king", "entry 'actors[1] (Hun Sen)': type 'king' is not one of"),
    ("actors.yaml", "    role: [", "    colour: red\n    role: [", "unknown field(s) colour"),
    ("actors.yaml", "gender: m", "gender: x", "gender must be m or f"),
    ("places.yaml", "iso: KHM", "iso: XYZ", "entry 'countries.Cambodia': iso 'XYZ' is not an ISO 3166 alpha-3 code"),
    ("issues.yaml", "id: military_aid", "id: Military Aid", "id 'Military Aid' must be snake_case"),
    ("issues.yaml", "broader: weapons_supplies", "broader: nothing", "'nothing' is not an issue id"),
    ("stance.yaml", "    stance: support\n    act: support\n    plover: SUPPORT\n    negated: {stance: oppose",
     "    stance: maybe\n    act: support\n    plover: SUPPORT\n    negated: {stance: oppose",
     "entry 'cues.support': stance must be one of"),
    ("stance.yaml", "    act: accuse\n    plover: DISAPPROVE", "    act: accuse\n    plover: BLAME",
     "entry 'cues.accuse.plover': 'BLAME' is not a category listed under 'plover:'"),
    ("stance.yaml", "  SANCTION: verbal_conflict", "  SANCTION: loud_conflict", "entry 'plover.SANCTION': quad"),
    ("stance.yaml", "  SUPPORT: AGREE", "  SUPPORT: PROMISE", "entry 'plover_future.SUPPORT'"),
    ("stance.yaml", "between_states: {stance: none, act: fight, plover: FIGHT}",
     "between_states: {stance: none, act: fight, plover: WAR}", "entry 'cues.attack.between_states'"),
    ("actors.yaml", "    m: [Mr, Mr., Father", "    male: [Mr, Mr., Father", "entry 'names.prefixes'"),
    ("stance.yaml", "  support: [supporter, supporters,", "  support: [critic, supporter, supporters,",
     "entry 'role_nouns.oppose': 'critic' is listed under both stances"),
    ("stance.yaml", '"went back on", "go back on"', '"went back on", "go* back on"',
     "entry 'cues.refuse_to.patterns': 'go* back on': a wildcard in the first word needs 3 letters"),
    ("stance.yaml", "transfer_heads:", "transfer_head:", "entry '(top level)': unknown field(s) transfer_head"),
    ("places.yaml", "addressed_by:", "adressed_by:", "entry '(top level)': unknown field(s) adressed_by"),
    ("places.yaml", "given_by: [criticism,", "given_by: [criticism, 3,", "entry 'given_by"),
    ("places.yaml", "{min_population: 100000,", "{min_population: many,",
     "entry 'gazetteer_capitals.min_population': 'many' must be a whole number >= 0"),
    ("places.yaml", "{min_population: 100000,", "{min_people: 100000,",
     "entry 'gazetteer_capitals': unknown field(s) min_people"),
    ("issues.yaml", "    references: [the text]", "    reference: [the text]", "unknown field(s) reference"),
    ("stance.yaml", "future_window: 4", "future_window: true", "entry 'future_window': must be an integer"),
    ("stance.yaml", "negates_next: true", "negates_next: perhaps", "entry 'cues.refuse_to.negates_next': must be true"),
    ("issues.yaml", "    problems: [climate change,", "    problems: [climate action, climate change,",
     "entry 'issues[22] (climate).problems': 'climate action' is both an alias and a problem"),
    ("places.yaml", "proposal_heads: [proposal,", "proposal_heads: [peace plan, proposal,",
     "entry 'proposal_heads[0]': 'peace plan' must be a single word"),
    ("stance.yaml", '  settings: ["within the framework of",', '  settings: ["within the ... of",',
     "entry 'context.settings[0]': 'within the ... of': words separated by single spaces"),
    ("stance.yaml", "  harms_suffered: [amid,", "  harm_suffered: [amid,",
     "entry 'context': unknown field(s) harm_suffered"),
    ("stance.yaml", "  person_roles: [owner,", "  person_roles: [Owner,",
     "entry 'context.person_roles[0]': 'Owner': a role is written in lower case"),
    ("actors.yaml", "  modifiers: [Western,", "  modifiers: [Middle Eastern, Western,",
     "entry 'names.modifiers[0]': 'Middle Eastern' must be a single word"),
    ("stance.yaml", "neutrality_issues: [neutrality]", "neutrality_issues: [calm]",
     "entry 'neutrality_issues[0]': 'calm' is not an issue id"),
    ("stance.yaml", "  scope: 4", "  scope: 40", "entry 'negation.scope': must be an integer from 1 to 10"),
    ("frames.yaml", "threshold: 1.0", "threshold: -1", "entry 'threshold': must be a positive number"),
    ("frames.yaml", "  scope: 3", "  scope: zero", "entry 'negation.scope': must be an integer from 1 to 10"),
    ("frames.yaml", '      - {pattern: "neutral*", weight: 1.0}', '      - {pattern: "neutral*", weight: 11}',
     "entry 'frames.neutrality.indicators[0]': weight must be in (0, 10]"),
    ("anchor_events.yaml", "start: 2022-02-24", "start: 2022-13-40", "invalid value"),
    ("stance.yaml", "patterns: [welcom*]", "patterns: [we*lco*me*]",
     "'we*lco*me*': at most one '*' in a word"),
    ("frames.yaml", '{pattern: "neutral*", weight: 1.0}', '{pattern: "n*eutral*", weight: 1.0}',
     "entry 'frames.neutrality.indicators[0].pattern': 'n*eutral*': at most one '*'"),
    ("issues.yaml", "aliases: [sanction*,", 'aliases: ["...", sanction*,', "'...' alone would match any word"),
    ("actors.yaml", "    type: leader", "    type: leader\n    type: leader", "invalid YAML (key 'type' given twice"),
    ("issues.yaml", "- id: sanctions", "- id: &s sanctions\n    broader: *s", "YAML aliases (*name) are not allowed"),
    ("anchor_events.yaml", "    source: widely reported", "    when: yesterday\n    source: widely reported",
     "entry 'events[0] (russia_full_scale_invasion)': unknown field(s) when"),
]


def _copy_with(tmp_path, name: str, old: str, new: str):
    folder = tmp_path / "codebooks"
    shutil.copytree(CODEBOOK_DIR, folder)
    text = (folder / name).read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}: update the test"
    (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def _load(folder, name):
    if name == "frames.yaml":
        return load_frames(folder / name)
    if name == "anchor_events.yaml":
        return load_anchor_events(folder / name)
    return load_codebooks(folder)


@pytest.mark.parametrize("name, old, new, message", BAD_ENTRIES, ids=[f"{b[0]}:{b[3][:30]}" for b in BAD_ENTRIES])
def test_bad_entries_name_the_file_and_the_entry(tmp_path, name, old, new, message):
    folder = _copy_with(tmp_path, name, old, new)
    with pytest.raises(CodebookError) as err:
        _load(folder, name)
    assert str(folder / name) in str(err.value) and message in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("name", sorted(FILES.values()))
def test_broken_yaml_names_the_line(tmp_path, name):
    folder = _copy_with(tmp_path, name, "\n", "\n  bad: [unclosed\n")
    with pytest.raises(CodebookError, match=r"line \d+: invalid YAML"):
        _load(folder, name)


def test_an_edited_codebook_is_used_at_once(tmp_path):
    """No cache by path: loading again after an edit, in the same process, gives the edit."""
    folder = tmp_path / "mine"
    shutil.copytree(CODEBOOK_DIR, folder)
    before = load_codebooks(folder, frames=folder / "frames.yaml")
    frames = folder / "frames.yaml"
    frames.write_text(frames.read_text(encoding="utf-8").replace("threshold: 1.0", "threshold: 2.5"), encoding="utf-8")
    issues = folder / "issues.yaml"
    issues.write_text(issues.read_text(encoding="utf-8").replace("- id: sanctions", "- id: penalties"),
                      encoding="utf-8")
    after = load_codebooks(folder, frames=frames)
    assert (before.frames.threshold, after.frames.threshold) == (1.0, 2.5)
    assert "penalties" in {i.id for i in after.issues} and "penalties" not in {i.id for i in before.issues}
    assert before.digest() != after.digest()
    assert before.digest(("actors",)) == after.digest(("actors",))


def test_compiled_matchers_belong_to_one_codebooks_object(tmp_path):
    """The stages' matchers are made once per object and never shared with another one."""
    from analysis.stages.mentions import actor_index

    a, b = load_codebooks(), load_codebooks()
    assert actor_index(a) is actor_index(a) and actor_index(a) is not actor_index(b)


def test_codebooks_go_to_workers_without_their_compiled_matchers():
    import pickle

    from analysis.stages.mentions import actor_index

    books = load_codebooks()
    actor_index(books)
    copy = pickle.loads(pickle.dumps(books))
    assert copy == books and copy._compiled == {} and books._compiled


def test_a_folder_may_hold_only_some_files(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    write(folder / "issues.yaml", "issues:\n  - id: conflict_parties\n    aliases: [all sides]\n"
                                  "  - id: neutrality\n    aliases: [neutrality]\n"
                                  "  - id: drones\n    aliases: [drone*]\n")
    books = load_codebooks(folder)
    assert books.files["issues"].path == folder / "issues.yaml"
    assert books.files["actors"].path == CODEBOOK_DIR / "actors.yaml"
    assert [i.id for i in books.issues] == ["conflict_parties", "neutrality", "drones"]
    assert analysis.load_codebooks(folder).digest() == books.digest()


@pytest.mark.parametrize("name", ["frames.yaml", "anchor_events.yml", "stance.yml"])
def test_a_folder_replaces_any_codebook_under_either_suffix(tmp_path, name):
    part = name.split(".")[0]
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copyfile(CODEBOOK_DIR / FILES[part], folder / name)
    books = load_codebooks(folder)
    assert books.files[part].path == folder / name
    assert books.files["actors"].path == CODEBOOK_DIR / "actors.yaml"


def test_frames_given_apart_win_over_the_folders(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copyfile(CODEBOOK_DIR / "frames.yaml", folder / "frames.yaml")
    other = write(tmp_path / "other.yaml", (CODEBOOK_DIR / "frames.yaml").read_text(encoding="utf-8"))
    assert load_codebooks(folder, frames=other).files["frames"].path == other


@pytest.mark.parametrize("names, message", [
    (["actors.yaml", "actors.yml"], "both actors.yaml and actors.yml present"),
    (["actor.yaml"], "actor.yaml: not a codebook name; did you mean actors.yaml?"),
    (["Frames.yml"], "Frames.yml: not a codebook name; did you mean frames.yaml?"),
])
def test_a_folder_file_that_would_go_unused_is_an_error(tmp_path, names, message):
    folder = tmp_path / "mine"
    folder.mkdir()
    for n in names:
        shutil.copyfile(CODEBOOK_DIR / "actors.yaml", folder / n)
    with pytest.raises(CodebookError, match=re.escape(message)):
        load_codebooks(folder)


def test_other_yaml_files_in_the_folder_are_left_alone(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    write(folder / "corpus.yaml", "anything: [1, 2]\n")
    assert load_codebooks(folder).files["actors"].path == CODEBOOK_DIR / "actors.yaml"
