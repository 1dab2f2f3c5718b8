"""Teams in results lines: clubs named after towns are no places (see ``extract.teams``)."""
import spacy

from communique.extract.teams import is_team, team_names


def _tokens(text):
    doc = spacy.blank("en")(text)
    return [t.text for t in doc], [t.whitespace_ for t in doc]


def _teams(text, person=()):
    words, ws = _tokens(text)
    return team_names(words, ws, [w in person for w in words])


def test_two_names_with_scores_make_a_results_line():
    assert _teams("National League\nSan Diego 3 NEW YORK 2\nChicago 4 HOUSTON 3\n") == {
        "san diego", "new york", "chicago", "houston"}
    assert _teams("Somerset 83 and 174 ( P. Simmons 4-38 ) , Leicestershire 296 .\n") == {
        "somerset", "leicestershire"}  # the bowler's figures sit in brackets


def test_dates_figures_and_single_numbers_are_no_results():
    assert not _teams("LONDON 1996-08-30\nThe talks in Geneva on January 22 drew 40 delegations .\n")
    assert not _teams("Resolution 242 and Resolution 338 were cited ; Kenya 3 , Uganda\n")
    assert not _teams("Montgomerie 66 Els 67\n", person={"Montgomerie", "Els"})  # golfers


def test_a_preposition_of_place_means_the_town():
    words, _ = _tokens("Leicestershire beat Somerset at Leicester ; Kent played in Kent .")
    teams = frozenset({"leicestershire", "somerset", "kent"})
    assert is_team(words, 0, 1, "Leicestershire", teams)
    assert not is_team(words, 4, 5, "Leicester", teams)  # not a team's name
    assert is_team(words, 6, 7, "Kent", teams) and not is_team(words, 9, 10, "Kent", teams)


def test_league_table_rows_and_prose():
    assert _teams("Millwall 4 2 1 1 7 5 7\nWatford 4 2 0 2 4 5 6\n") == {"millwall", "watford"}
    # a paragraph of prose naming two roads by number is no results line
    assert not _teams("The driver took U.S. 79 out of town and then the U.S. 84 turnoff towards Fairfield .\n")
