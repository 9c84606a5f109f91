use super::*;
use crate::extract::Doc;

fn figures_in(body: &str) -> Vec<(FigureKind, f64)> {
    let text = format!("Headline\n\n{body}");
    let doc = Doc::new(&text);
    figures(&doc)
        .into_iter()
        .map(|f| (f.kind, f.value))
        .collect()
}

#[test]
fn units_in_capitals_count_as_the_patterns_read_them() {
    assert_eq!(
        figures_in("SPENDING ROSE BY FIFTY PER CENT TO SIX MILLION POUNDS, THE COUNCIL SAID."),
        vec![
            (FigureKind::Percent, 50.0),
            (FigureKind::Money, 6_000_000.0)
        ]
    );
}

#[test]
fn money_in_its_forms() {
    let f = figures_in(
        "The cabinet agreed £461k this year, a further £1.2 million, £6m, £461,000 and six million pounds next year.",
    );
    assert_eq!(
        f,
        vec![
            (FigureKind::Money, 461_000.0),
            (FigureKind::Money, 1_200_000.0),
            (FigureKind::Money, 6_000_000.0),
            (FigureKind::Money, 461_000.0),
            (FigureKind::Money, 6_000_000.0)
        ]
    );
}

#[test]
fn percentages_and_counts() {
    let f = figures_in(
        "Agency use fell from 60 per cent to 41% since May, and 75 new starters have joined while 12 vacancies remain.",
    );
    assert_eq!(
        f,
        vec![
            (FigureKind::Percent, 60.0),
            (FigureKind::Percent, 41.0),
            (FigureKind::Count, 75.0),
            (FigureKind::Count, 12.0)
        ]
    );
}

#[test]
fn not_figures() {
    let f = figures_in(
        "In 2018 several 16-year-olds waited two weeks; the 12 reasons campaign ran for six months and a third of staff left.",
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn counts_with_describing_words_and_elided_nouns() {
    let f = figures_in(
        "There are 240 fostering households, 14 officers joined, a survey of 180 primary and secondary heads ran, and the home is one of 12 run by the company.",
    );
    assert_eq!(
        f,
        vec![
            (FigureKind::Count, 240.0),
            (FigureKind::Count, 14.0),
            (FigureKind::Count, 180.0),
            (FigureKind::Count, 12.0)
        ]
    );
}

#[test]
fn fact_bullets_count_but_promo_lines_do_not() {
    let text = "Headline\n\nA long enough first paragraph of the article that is prose text here.\n\nKey facts\n\n- 92 per cent of children in care were visited within timescales\n- Latest issues\n\nMore text that is a long enough paragraph to be body prose again.";
    let doc = Doc::new(text);
    let f: Vec<f64> = figures(&doc).iter().map(|f| f.value).collect();
    assert_eq!(f, vec![92.0]);
}

#[test]
fn context_says_what_is_measured() {
    let text = "Headline\n\nThe trust expects to spend £6m on agency staff this financial year, and 38 permanent social workers have joined.";
    let doc = Doc::new(text);
    let f = figures(&doc);
    assert_eq!(f[0].context, "agency staff this financial year");
    assert_eq!(f[1].context, "permanent social workers have joined");
}

#[test]
fn context_before_when_the_words_after_only_say_when() {
    let text = "Headline\n\nThe number of such plans has risen by 30 per cent in three years. Agency use is still high, at 50 per cent.";
    let doc = Doc::new(text);
    let f = figures(&doc);
    assert_eq!(f[0].context, "such plans has risen … three years");
    assert_eq!(f[1].context, "Agency use is still high");
}

#[test]
fn footer_prices_are_not_figures() {
    let text = "Headline\n\nA long enough first paragraph of the article that is prose text here.\n\nSubscribe\n\nFrom £15 / month";
    let doc = Doc::new(text);
    assert!(figures(&doc).is_empty());
}

#[test]
fn parts_read_off_matches_are_the_captured_groups() {
    let line = "£1.2 million, £461k, £ 3,000, £2.5m. Six million pounds, 40 pounds, \
                5 thousand  pounds; 41 per cent, 12.5%, fifteen percent, 7 %; \
                12 vacancies remain, one of 152 councils, 1,200 children, \
                35 permanent social workers, one of 12";
    let mut seen = 0;
    for c in MONEY.captures_iter(line) {
        let (n, u) = match (c.name("n"), c.name("n2")) {
            (Some(n), _) => (n.as_str(), c.name("u").map_or("", |m| m.as_str())),
            (None, Some(n)) => (n.as_str(), c.name("u2").map_or("", |m| m.as_str())),
            _ => unreachable!(),
        };
        let (n2, u2) = money_parts(&c[0]);
        assert_eq!((n, multiplier(u)), (n2, multiplier(u2)), "{}", &c[0]);
        seen += 1;
    }
    for c in PERCENT.captures_iter(line) {
        let m = &c[0];
        let n = &m[..m
            .find(|c: char| c.is_whitespace() || c == '%')
            .unwrap_or(m.len())];
        assert_eq!(n, &c["n"]);
        seen += 1;
    }
    for c in COUNT.captures_iter(line) {
        let n = c.name("n").or_else(|| c.name("of")).expect("number");
        let r = count_number(&c[0]);
        let all = c.get(0).expect("match");
        assert_eq!(all.start() + r.start..all.start() + r.end, n.range());
        seen += 1;
    }
    assert!(seen >= 14, "{seen}");
}

#[test]
fn searches_from_the_earliest_match_start_find_every_match() {
    let lines = [
        "the home is one of 12 run by it, ONE  OF\u{a0}40 and one\u{a0}of 7",
        "now one of\n1,200; none of 3 teams, gone off 5 staff",
        "In September 2016. Then 12 new social workers and ١٢ children",
        "x-41 per cent, 41\u{a0}%, fifty PER CENT, forty per\u{a0}cent and 7%",
        "Twelve percent, 3 % of 12.5%; a 50 PerCent rise, the centre, 9 cents",
        "£1.2 million, ’quoted’ 35 permanent social workers, 461k",
        "no figure here, only per capita accents",
        "£ 3,000 and £5 millions, then six million POUNDS, forty poundſ, 40 pounds, £2bn",
        "£7m and £8.5 Mn were spent",
    ];
    let all = |re: &Regex, line: &str| -> Vec<Range<usize>> {
        re.find_iter(line).map(|m| m.range()).collect()
    };
    type NextStart<'a> = dyn Fn(usize) -> Option<usize> + 'a;
    let from = |re: &Regex, line: &str, next_start: &NextStart| {
        find_iter_from(re, line, next_start)
            .map(|m| m.range())
            .collect::<Vec<_>>()
    };
    let mut seen = 0;
    for line in lines {
        let in_pounds = find_ignoring_case(line.as_bytes(), b"pound").is_some();
        let searches: [(&Regex, &NextStart); 3] = [
            (&MONEY, &|at| money_search_start(line, at, in_pounds)),
            (&PERCENT, &|at| percent_search_start(line, at)),
            (&COUNT, &|at| count_search_start(line, at)),
        ];
        for (re, next_start) in searches {
            let expected = all(re, line);
            assert_eq!(expected, from(re, line, next_start), "{line}");
            seen += expected.len();
        }
    }
    assert!(seen >= 25, "{seen}");
}

#[test]
fn words_seen_are_the_words_found_in_any_case() {
    let lines = [
        "",
        "p",
        "pe",
        "per",
        "PeR",
        "xPER",
        "pEr cent",
        "supersede",
        "pe r",
        "p\u{e9}r",
        "POUND",
        "pOu",
        "spout",
        "po",
        "pouNd",
        "\u{17f}per",
        "Per",
        "£3",
        "ape",
    ];
    for line in lines {
        let seen = Cues::seen(line.as_bytes());
        let find = |word: &[u8]| find_ignoring_case(line.as_bytes(), word).is_some();
        assert_eq!(seen & Cues::PER != 0, find(b"per"), "{line}");
        assert_eq!(seen & Cues::POU != 0, find(b"pou"), "{line}");
    }
}

#[test]
fn bare_counts_after_a_change_or_a_part() {
    assert_eq!(
        figures_in(
            "The number of children waiting for a social worker has dropped to 41, and 12 of the 40 teams are now fully staffed."
        ),
        vec![
            (FigureKind::Count, 41.0),
            (FigureKind::Count, 12.0),
            (FigureKind::Count, 40.0)
        ]
    );
}

#[test]
fn counts_of_visits_and_durations_are_not_counts() {
    assert!(
        figures_in("Officials made 230 unannounced inspections of children's homes last spring.")
            .is_empty()
    );
    assert!(
        figures_in("There were four managers in 14 months and that staff felt unsupported.")
            .is_empty()
    );
}

#[test]
fn notes_to_editors_give_background_counts() {
    let text = "Headline\n\nThe council's children's services have been rated good by inspectors this week.\n\nENDS\n\nNotes to editors\n\nThe company was set up in 2019 and employs around 650 staff across the borough.\n\nMedia enquiries: 01632 960 123";
    let doc = Doc::new(text);
    let found: Vec<f64> = figures(&doc).into_iter().map(|f| f.value).collect();
    assert_eq!(found, vec![650.0]);
}
