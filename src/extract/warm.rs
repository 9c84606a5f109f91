//! Compiling the rules before the first article needs them, on every core.
//!
//! Each rule table is compiled where it is first used. An article uses
//! them pass after pass, so the first article of a run compiled them all
//! on one core (about a tenth of a second) while the other cores waited
//! for the same tables. `warm_up` runs the passes side by side on a short
//! article of its own, so that each core compiles the tables of different
//! passes.

use super::doc::Doc;
use super::{article, figures, findings, inspections, layout, people, quotes, topic};
use crate::gazetteer::Gazetteer;

/// An article that goes down the usual path of every pass: a headline, a
/// byline and a date, a council with a graded inspection and a
/// monitoring visit, inspectors' findings, a quotation with its speaker,
/// people with roles, and money, percentages and counts.
const WARM_UP_ARTICLE: &str = "\
Council's children's services rated inadequate by Ofsted

By Sam Porter, Local Democracy Reporter
Tuesday 14 March 2023

Children's services at Torbay Council have been rated \
inadequate after an Ofsted inspection in February, down from requires \
improvement in 2019.

Inspectors found that caseloads were too high and that managers did not \
always check plans for children, but praised the work of the fostering team.

\"We accept the findings and we will act on them quickly,\" said Jo Reed, \
the council's director of children's services.

The council will spend an extra £2.5 million on 40 social workers, as \
agency staff make up 30 per cent of the workforce. At a monitoring visit \
to Torbay in October 2022, inspectors had found progress too slow.
";

/// Compiles the extractor's rules on the cores of rayon's current pool
/// by extracting a short article of its own, its passes side by side.
/// Rules that only unusual text reaches are still compiled when first met.
pub fn warm_up() {
    // `Doc::new` needs both the gazetteer and the layout rules before any
    // pass runs: they are built side by side first, and `Doc::new` then
    // lays the short article out again from compiled rules.
    rayon::join(
        || {
            Gazetteer::get();
        },
        || layout::layout(WARM_UP_ARTICLE),
    );
    let doc = Doc::new(WARM_UP_ARTICLE);
    let doc = &doc;
    rayon::scope(|s| {
        s.spawn(move |_| {
            people::people(doc);
        });
        s.spawn(move |_| {
            quotes::quotes(doc, &[]);
        });
        s.spawn(move |_| {
            inspections::inspections(doc);
        });
        s.spawn(move |_| {
            findings::findings(doc, &[]);
        });
        s.spawn(move |_| {
            figures::figures(doc);
            topic::about_childrens_care_inspection(doc);
            article::headline(doc.text, &doc.layout);
            article::outlet(doc.text, &doc.layout);
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{InspectionKind, Judgement};

    #[test]
    fn the_warm_up_article_reaches_every_pass() {
        // Were a pass to find nothing here, its rules past the first
        // early return would stay cold.
        let record = super::super::extract_record(WARM_UP_ARTICLE, "warm-up.txt");
        assert!(record.article.headline.is_some() && record.article.byline.is_some());
        assert!(record.article.published.is_some());
        let inspections = &record.inspections;
        assert!(
            inspections
                .iter()
                .any(|i| i.judgement == Some(Judgement::Inadequate)),
            "{inspections:?}"
        );
        assert!(
            inspections
                .iter()
                .any(|i| i.kind == InspectionKind::MonitoringVisit),
            "{inspections:?}"
        );
        assert!(
            inspections.iter().any(|i| !i.findings.is_empty()),
            "{inspections:?}"
        );
        assert!(!record.quotes.is_empty() && !record.people.is_empty());
        assert!(record.figures.len() >= 3, "{:?}", record.figures);
    }

    #[test]
    fn the_warm_up_finishes_on_a_pool_of_one_thread() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a pool");
        pool.install(warm_up);
        let record = super::super::extract_record(WARM_UP_ARTICLE, "warm-up.txt");
        assert!(!record.inspections.is_empty());
    }
}
