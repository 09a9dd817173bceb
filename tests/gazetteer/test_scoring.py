from gazetteer import Place
from gazetteer.scoring import contains, name_priors, prior

BY = Place("country:BY", "Belarus", "BY", "", "country", 53.0, 28.0, 9_000_000)
BREST_REGION = Place("admin1:BY.01", "Brest", "BY", "Brest", "region", 52.5, 25.4, 559_643,
                     feature="ADM1")
BREST = Place("629634", "Brest", "BY", "Brest", "city", 52.1, 23.7, 347_138)
BREST_FR = Place("3030300", "Brest", "FR", "Brittany", "city", 48.4, -4.5, 144_899)
WYOMING = Place("admin1:US.WY", "Wyoming", "US", "Wyoming", "region", 43.0, -107.5, 412_105,
                feature="ADM1")
WYOMING_MI = Place("5015618", "Wyoming", "US", "Michigan", "city", 42.9, -85.7, 75_275)


def test_contains():
    assert contains(BY, BREST) and contains(BREST_REGION, BREST)
    assert not contains(BY, BREST_FR) and not contains(BREST_REGION, BREST_FR)
    assert not contains(BREST, BREST) and not contains(BREST, BREST_REGION)


def test_prior_orders_by_population_and_level():
    assert prior(BREST) > prior(BREST_FR)
    assert prior(BY) > prior(BREST)
    assert prior(BREST, own_name=False) < prior(BREST)


def test_namesake_rule():
    scores = name_priors([(BREST_REGION, True), (BREST, True), (BREST_FR, True)])
    assert max(scores, key=scores.get) == BREST.id
    scores = name_priors([(WYOMING, True), (WYOMING_MI, True)])
    assert max(scores, key=scores.get) == WYOMING.id
