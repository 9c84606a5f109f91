//! Which service an inspection is of ("the trust's fostering agency"), and
//! whether a sentence is about a school or another setting rather than
//! children's social care.

use super::Folded;
use crate::extract::engine::Table;
use crate::model::Service;
use regex::Regex;
use std::sync::LazyLock;

/// Kinds of service, in lower case (see `kinds::KIND_ROWS`).
#[rustfmt::skip]
const SERVICE_ROWS: &[(&str, Service)] = &[
    (r"fostering(?:\s+(?:agency|service|services))?", Service::FosteringAgency),
    (r"adoption(?:\s+(?:agency|service|services|performance))?", Service::AdoptionAgency),
    (r"children['’]s\s+homes?", Service::ChildrensHome),
    (r"residential\s+(?:home|unit|care\s+home)s?", Service::ChildrensHome),
    (r"secure\s+(?:children['’]s\s+)?homes?", Service::ChildrensHome),
];

fn table(flags: &str) -> Table<Service> {
    let rows: Vec<(String, Service)> = SERVICE_ROWS
        .iter()
        .map(|&(p, service)| (format!(r"(?-u:\b)(?:{p})(?-u:\b)"), service))
        .collect();
    Table::new(flags, rows.iter().map(|(p, s)| (p.as_str(), *s)))
}

static SERVICE: LazyLock<Table<Service>> = LazyLock::new(|| table(""));
static SERVICE_ANY_CASE: LazyLock<Table<Service>> = LazyLock::new(|| table("(?i)"));

/// The kinds of service a clause speaks of, in order.
pub fn services_in(clause: &str) -> Vec<Service> {
    let folded = Folded::new(clause);
    let (table, hay) = folded.pick(&SERVICE, &SERVICE_ANY_CASE);
    let mut out = Vec::new();
    for hit in table.find_iter(hay) {
        if !out.contains(&hit.yields) {
            out.push(hit.yields);
        }
    }
    out
}

/// Schools and other settings, in lower case (see `kinds::KIND_ROWS`).
const SCHOOL_PATTERN: &str = r"(?-u:\b)(?:schools?|academy|academies|pupils?|nurser(?:y|ies)|colleges?|headteachers?|primary|secondary|sixth[- ]form|early\s+years\s+setting|childminders?|universit(?:y|ies)|prisons?|hospitals?|gp)(?-u:\b)";
const CHILDRENS_SERVICES_PATTERN: &str = r"children['’]s\s+(?:social\s+care|services|homes?|trust)|social\s+(?:care|work)|fostering|adoption|local\s+authority|council|safeguarding|care\s+leavers|ilacs|monitoring\s+visit|focused\s+visit|jtai";

static SCHOOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(SCHOOL_PATTERN).expect("school regex"));
static SCHOOL_ANY_CASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){SCHOOL_PATTERN}")).expect("school regex"));
static CHILDRENS_SERVICES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(CHILDRENS_SERVICES_PATTERN).expect("children's services regex"));
static CHILDRENS_SERVICES_ANY_CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i){CHILDRENS_SERVICES_PATTERN}")).expect("children's services regex")
});

/// Whether a sentence about an inspection is about a school or another
/// setting rather than children's social care.
pub fn about_other_setting(folded: &Folded) -> bool {
    // The tables picked are compiled when first used, the others never.
    let (school, hay) = folded.pick(&SCHOOL, &SCHOOL_ANY_CASE);
    let (childrens_services, _) = folded.pick(&CHILDRENS_SERVICES, &CHILDRENS_SERVICES_ANY_CASE);
    school.is_match(hay) && !childrens_services.is_match(hay)
}
