"""Datelines, date lines and byline stamps: each form news uses, and the guards against a date
that merely stands in a sentence. Sentences written for these tests."""

import pytest

from analysis.text.datelines import find_dateline, find_publication_line, parse_date_text


@pytest.mark.parametrize("text, raw, iso", [
    # CITY, Mon D (Agency) -
    ("NAIROBI, Nov 2 (Reuters) - Kenya said", "NAIROBI, Nov 2 (Reuters) -", "XXXX-11-02"),
    # City, Month D, YYYY –
    ("Manila, April 3, 2024 – The minister met", "Manila, April 3, 2024 –", "2024-04-03"),
    # City, D Month YYYY – (day before month)
    ("HANOI, 2 May 2023 - Vietnam called for talks", "HANOI, 2 May 2023 -", "2023-05-02"),
    ("Jakarta, 25 January 2023 – Indonesia urged", "Jakarta, 25 January 2023 –", "2023-01-25"),
    # CITY MON D:
    ("BANGKOK JAN 26: Thailand abstained", "BANGKOK JAN 26:", "XXXX-01-26"),
    # City [Country], Month D:
    ("Colombo [Sri Lanka], March 9: The ministry said", "Colombo [Sri Lanka], March 9:", "XXXX-03-09"),
    # City (Agency), D Month YYYY:
    ("Dhaka (BSS), 14 February 2024: Bangladesh hopes", "Dhaka (BSS), 14 February 2024:", "2024-02-14"),
    # CITY, Month D (Agency):
    ("ISLAMABAD, June 30 (APP): Pakistan will", "ISLAMABAD, June 30 (APP):", "XXXX-06-30"),
    # ISO date
    ("BRASILIA, 2022-10-31 — Brazil voted", "BRASILIA, 2022-10-31 —", "2022-10-31"),
    # a weekday before the date
    ("WASHINGTON, Monday, March 4, 2024 — Officials", "WASHINGTON, Monday, March 4, 2024 —", "2024-03-04"),
    ("KUALA LUMPUR, Sept. 21 - The assembly", "KUALA LUMPUR, Sept. 21 -", "XXXX-09-21"),
    ("Addis Ababa, Aug. 3rd, 2023 — The union", "Addis Ababa, Aug. 3rd, 2023 —", "2023-08-03"),
    ("ST. PETERSBURG, Feb 29 (TASS) - A forum", "ST. PETERSBURG, Feb 29 (TASS) -", "XXXX-02-29"),
    ("US, March 4 (AP) - The State Department", "US, March 4 (AP) -", "XXXX-03-04"),
    ("SUN VALLEY, Idaho, July 9 (Reuters) - Media executives", "SUN VALLEY, Idaho, July 9 (Reuters) -", "XXXX-07-09"),
    ("New York, Feb 26 - A bank said", "New York, Feb 26 -", "XXXX-02-26"),
    ("DALLAS/FORT WORTH, Texas, March 3 - An airline", "DALLAS/FORT WORTH, Texas, March 3 -", "XXXX-03-03"),
    ("ATLANTA , March 3, - A firm said", "ATLANTA , March 3, -", "XXXX-03-03"),
    ("OAKLAND , N.J., March 2 - A firm said", "OAKLAND , N.J., March 2 -", "XXXX-03-02"),
    # an agency between slashes, or one word before the dash
    ("MINSK, May 9. /BelTA/. The president said", "MINSK, May 9. /BelTA/.", "XXXX-05-09"),
    ("RIGA, May 9 /LETA/ - Latvia said", "RIGA, May 9 /LETA/ -", "XXXX-05-09"),
    ("LIMA, May 9, 2023 /PRNewswire/ -- A miner said", "LIMA, May 9, 2023 /PRNewswire/ --", "2023-05-09"),
    ("SEOUL, May 9 Yonhap - South Korea said", "SEOUL, May 9 Yonhap -", "XXXX-05-09"),
    # place and date apart by a dash; a full stop ending the dateline
    ("QUITO, Ecuador — May 9, 2023 — Ecuador said", "QUITO, Ecuador — May 9, 2023 —", "2023-05-09"),
    ("LINCOLN, Neb. - May 9 - A farm group said", "LINCOLN, Neb. - May 9 -", "XXXX-05-09"),
    ("Vilnius, May 9, 2023. Lithuania said", "Vilnius, May 9, 2023.", "2023-05-09"),
    # the date in brackets; no place but a full date
    ("DOHA (May 9): Qatar hosted", "DOHA (May 9):", "XXXX-05-09"),
    ("May 9, 2023 — The council voted", "May 9, 2023 —", "2023-05-09"),
])
def test_dateline_forms(text, raw, iso):
    found = find_dateline(text)
    assert found is not None and (found.text, found.date, found.kind) == (raw, iso, "dateline")
    assert text[found.start:found.end] == raw  # offsets into the text


@pytest.mark.parametrize("text", [
    "Kenya rejects the use of force, the foreign minister said.",
    "On March 4, 2024 - the day of the vote - ministers met.",
    "In 2 May 2023 - a typo - nothing",
    "The summit opened on 2 May 2023 - and closed a day later.",
    "Talks, March 2024 - a review of the year",  # no day: not a publication day
    "Manila, February 30, 2024 – an impossible date",
    "Manila, April 3, 2024 and then nothing followed",
    "May 9 - the day of the vote - was quiet.",  # no place and no year: a sentence
    "Today, May 9. The council met.",
    "On May 9, 2023. Nothing else.",
    "The council met on May 9, 2023. Ecuador said so.",
])
def test_not_a_dateline(text):
    assert find_dateline(text) is None


def test_a_dateline_stays_in_its_paragraph():
    assert find_dateline("BY JANE DOE\n\nMarch 4, 2024 - Talks began.") is None


@pytest.mark.parametrize("text, kind, raw, iso", [
    ("Ceasefire talks resume\n\nDecember 10, 2013\n\nThe talks resumed on Monday.", "date_line",
     "December 10, 2013", "2013-12-10"),
    ("Ceasefire talks resume\nTuesday, 10 December 2013, 14:02 GMT\n\nThe talks resumed.", "date_line",
     "Tuesday, 10 December 2013, 14:02 GMT", "2013-12-10"),
    ("Ceasefire talks resume\n\n2013-12-10\n\nThe talks resumed.", "date_line", "2013-12-10", "2013-12-10"),
    ("Ceasefire talks resume\n\nBy Ana Lim | Published: 4 March 2024, 10:30 AM ET\n\nTalks began.", "published",
     "Published: 4 March 2024, 10:30 AM ET", "2024-03-04"),
    ("Ceasefire talks resume\n\nFirst published on Mar 4, 2024\n\nTalks began.", "published",
     "First published on Mar 4, 2024", "2024-03-04"),
    ("Ceasefire talks resume\n\nPosted 2024-03-04 08:15\n\nTalks began.", "published", "Posted 2024-03-04 08:15",
     "2024-03-04"),
    # a first-published stamp wins over an update; a dateline over every stamp
    ("Talks\n\nUpdated: March 6, 2024 | Published: March 4, 2024\n\nTalks began.", "published",
     "Published: March 4, 2024", "2024-03-04"),
    ("Talks\n\nUpdated: March 6, 2024\n\nJAKARTA, March 5 (AP) - Talks began.", "dateline",
     "JAKARTA, March 5 (AP) -", "XXXX-03-05"),
])
def test_date_lines_and_stamps(text, kind, raw, iso):
    found = find_publication_line(text)
    assert found is not None and (found.kind, found.text, found.date) == (kind, raw, iso)
    assert text[found.start:found.end] == raw


@pytest.mark.parametrize("text", [
    "Ceasefire talks resume\n\nThe talks resumed on December 10, 2013, in Geneva.",  # a date inside a sentence
    "Ceasefire talks resume\n\nThe ministry published: 4 March 2024 figures were wrong, it said later.",
    "Ceasefire talks resume\n\n" + "Filler paragraph.\n\n" * 8 + "December 10, 2013\n\nEnd.",  # too far down
    "Ceasefire talks resume\n\nUpdated on March 6, 2024\n\nTalks began.",  # an update is later than publication
    "Ceasefire talks resume\n\nPublished: March 2024\n\nTalks began.",  # no day
    "Ceasefire talks resume\n\nPosted 12 Decisions later, the board met.\n\nEnd.",
    "Ceasefire talks resume\n\nPosted on March 4, 2024, the video was viewed two million times.\n\nEnd.",
    "December 7, 1941\n\nA look back at the attack, eighty years on.",  # a headline that is a date
    "Talks\n\nUPDATE, March 6, 2024: The ministry responded.\n\nEnd.",  # an editor's note
    "Talks\n\nToday, March 4 - the day of the vote - ministers met.\n\nEnd.",
    "Talks\n\nCorrection, March 9: An earlier version misnamed the minister.\n\nEnd.",
])
def test_no_publication_line(text):
    assert find_publication_line(text) is None


@pytest.mark.parametrize("raw, iso, note", [
    ("Monday, March 4, 2024", "2024-03-04", ""),
    ("Friday, March 4, 2024", "2024-03-04", "the weekday (Friday) disagrees with the date (a Monday)"),
    ("Thu 7 March 2024", "2024-03-07", ""),
    ("4th of March 2024", "2024-03-04", ""),
    ("Feb 29", "XXXX-02-29", ""),
])
def test_parse_date_text(raw, iso, note):
    assert parse_date_text(raw) == (iso, note)


@pytest.mark.parametrize("text, kind, raw, iso", [
    ("Floods recede\n\nPublished 10:32 AM GMT+7, March 4, 2024\n\nWater fell.", "published",
     "Published 10:32 AM GMT+7, March 4, 2024", "2024-03-04"),                     # the time before the date
    ("Floods recede\nBy Staff | March 4, 2024 10:32 AM\n\nWater fell.", "date_line",
     "March 4, 2024 10:32 AM", "2024-03-04"),                                      # a date as a byline item
    ("Floods recede\nLima Herald | 4 March 2024\n\nWater fell.", "date_line", "4 March 2024", "2024-03-04"),
    ("Floods recede\n\nMarch 4, 2024 | Ana Lim\n\nWater fell.", "date_line", "March 4, 2024", "2024-03-04"),
    ("Floods recede\n2024-03-04T10:32:00+07:00\n\nWater fell.", "date_line", "2024-03-04T10:32:00+07:00",
     "2024-03-04"),                                                                # ISO 8601 with its time
    ("Floods recede\n\n13/03/2024\n\nWater fell.", "date_line", "13/03/2024", "2024-03-13"),
    ("Floods recede\n\n04.03.2024\n\nWater fell.", "date_line", "04.03.2024", "2024-03-04"),   # day first
    ("Floods recede\n\n2024.03.04\n\nWater fell.", "date_line", "2024.03.04", "2024-03-04"),   # year first
    # stamps as CMSs word them
    ("Floods recede\n\nLima Herald | Publication date 04 March 2024 | 08:12 ICT\n\nWater fell.", "published",
     "Publication date 04 March 2024 | 08:12 ICT", "2024-03-04"),
    ("Floods recede\n\nPUBLISHED ON March 04, 2024\n\nWater fell.", "published", "PUBLISHED ON March 04, 2024",
     "2024-03-04"),
    ("Floods recede\n\nDate published: 2024-03-04\n\nWater fell.", "published", "Date published: 2024-03-04",
     "2024-03-04"),
    ("Floods recede\n\nPublished : Mar 4, 2024 - 10:12   Updated : Mar 5, 2024 - 09:00\n\nWater fell.", "published",
     "Published : Mar 4, 2024 - 10:12", "2024-03-04"),                             # an update follows on the line
    ("Floods recede\n\nMarch 4, 20242:45 AM GMT+7Updated 2 days ago\n\nWater fell.", "date_line",
     "March 4, 20242:45 AM GMT+7Updated 2 days ago", "2024-03-04"),               # a page's date run into its time
    ("Floods recede\n\n04 Mar 2024 06:23PM (Updated: 05 Mar 2024 06:30PM)\n\nWater fell.", "date_line",
     "04 Mar 2024 06:23PM (Updated: 05 Mar 2024 06:30PM)", "2024-03-04"),
    ("Floods recede\n\nLima ● Mon, March 4, 2024 / 10:12 am\n\nWater fell.", "date_line",
     "Mon, March 4, 2024 / 10:12 am", "2024-03-04"),
    # a byline that ends in its date
    ("Floods recede\n\nBy Ana Lim   March 4, 2024 | 10:00 am GMT+7\n\nWater fell.", "published",
     "March 4, 2024 | 10:00 am GMT+7", "2024-03-04"),
    ("Floods recede\n\nBy AFP - Mar 04,2024 - Last updated at Mar 05,2024\n\nWater fell.", "published",
     "Mar 04,2024", "2024-03-04"),
    ("Floods recede\n\nWritten by Jo de Souza on 04 March 2024\n\nWater fell.", "published", "04 March 2024",
     "2024-03-04"),
])
def test_scraped_page_headers(text, kind, raw, iso):
    found = find_publication_line(text)
    assert found is not None and (found.kind, found.text, found.date) == (kind, raw, iso)
    assert text[found.start:found.end] == raw


@pytest.mark.parametrize("text", [
    "Floods recede\n\n04/03/2024\n\nWater fell.",             # 4 March or 3 April: nothing says which
    "Floods recede\n\nScores | 10 | 12\n\nWater fell.",
    "Floods recede\n\nThe flood of 04.03.2024 was the worst, the mayor said.\n\nWater fell.",
    "Floods recede\n\nBy Ana Lim, March 4, 2024, the river had risen.\n\nWater fell.",  # a sentence
    "Floods recede\n\nBy March 4, 2024 the river had risen.\n\nWater fell.",
    "Floods recede\n\nLast updated: March 5, 2024\n\nWater fell.",                      # an update alone
    "Floods recede\n\nMarch 4, 20245 people fled\n\nWater fell.",                      # no glued clock time
])
def test_no_header_date_when_ambiguous_or_in_a_sentence(text):
    assert find_publication_line(text) is None


def test_numeric_dates_take_a_final_stop_and_one_separator():
    assert find_publication_line("Floods recede\n\n04.03.2024.\n\nWater fell.").date == "2024-03-04"
    assert find_publication_line("Floods recede\n\n14.03/2024\n\nWater fell.") is None
