//! The people a letter is addressed to: an inspectorate's letter opens
//! with the addressees' names, each above a role and an organisation line,
//! and greets them by surname ("Dear Ms Doe and Mr Roe").

use super::PersonFound;
use crate::extract::Doc;
use crate::extract::names;

/// Titles a salutation puts before a surname.
const SALUTATION_TITLES: &[&str] = &[
    "Ms",
    "Mr",
    "Mrs",
    "Miss",
    "Mx",
    "Dr",
    "Cllr",
    "Councillor",
    "Professor",
    "Sir",
    "Dame",
];

/// The addressees named above the salutation, with the role and the
/// organisation on the lines below each name.
pub(super) fn addressees(doc: &Doc) -> Vec<PersonFound> {
    let text = doc.text;
    let blocks = &doc.layout.blocks;
    let line = |i: usize| text[blocks[i].range.clone()].trim();
    let Some(salutation) = (0..blocks.len()).find(|&i| line(i).starts_with("Dear ")) else {
        return Vec::new();
    };
    let surnames = greeted_surnames(line(salutation));
    let mut out = Vec::new();
    for (i, block) in blocks.iter().enumerate().take(salutation) {
        let name = line(i);
        let greeted = surnames.contains(&names::surname(name));
        if !greeted || !names::could_be_person(name) || name.split_whitespace().count() > 3 {
            continue;
        }
        let detail =
            |j: usize| (j < salutation && is_detail_line(line(j))).then(|| line(j).to_string());
        let role = detail(i + 1);
        let organisation = role.as_ref().and_then(|_| detail(i + 2));
        out.push(PersonFound {
            name: name.to_string(),
            role: role.map(|r| r.to_lowercase()),
            organisation,
            ranges: vec![block.range.clone()],
        });
    }
    out
}

/// The people who sign a letter: a name line after "Yours sincerely",
/// with the role on the line below.
pub(super) fn signatories(doc: &Doc) -> Vec<PersonFound> {
    let text = doc.text;
    let blocks = &doc.layout.blocks;
    let line = |i: usize| text[blocks[i].range.clone()].trim();
    let Some(close) = (0..blocks.len()).find(|&i| line(i).starts_with("Yours ")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut i = close + 1;
    while i < blocks.len()
        && names::could_be_person(line(i))
        && line(i).split_whitespace().count() <= 3
    {
        let role = (i + 1 < blocks.len()
            && is_detail_line(line(i + 1))
            && !names::could_be_person(line(i + 1)))
        .then(|| line(i + 1).to_lowercase());
        out.push(PersonFound {
            name: line(i).to_string(),
            role: role.clone(),
            organisation: None,
            ranges: vec![blocks[i].range.clone()],
        });
        i += if role.is_some() { 2 } else { 1 };
    }
    out
}

/// The surnames a salutation greets: "Dear Ms Doe and Mr Roe".
fn greeted_surnames(salutation: &str) -> Vec<&str> {
    let words: Vec<&str> = salutation
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .filter(|pair| SALUTATION_TITLES.contains(&pair[0].trim_end_matches('.')))
        .map(|pair| pair[1])
        .collect()
}

/// A role or organisation line of an address: words without digits (a
/// postcode, a date or a phone number ends the name's details).
fn is_detail_line(line: &str) -> bool {
    !line.is_empty()
        && !line.contains(|c: char| c.is_ascii_digit() || c == '@')
        && line.split_whitespace().count() <= 10
        && !line.starts_with("Dear ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addressees_above_the_salutation() {
        let text = "Ofsted\nSome House\nLeeds LS1 1AA\n\n1 May 2024\n\nAnn Lee\nDirector of Children's Services\nWigan Council\nTown Hall\n\nDear Ms Lee\n\nMonitoring visit to Wigan children's services\n\nThis letter summarises the findings of the visit to the council in April.";
        let doc = Doc::new(text);
        let found = addressees(&doc);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "Ann Lee");
        assert_eq!(
            found[0].role.as_deref(),
            Some("director of children's services")
        );
        assert_eq!(found[0].organisation.as_deref(), Some("Wigan Council"));
    }

    #[test]
    fn signatories_take_the_role_under_their_name() {
        let text = "Ofsted\n\n1 May 2024\n\nDear Ms Lee\n\nThis letter summarises the findings of the visit to the council in April this year.\n\nYours sincerely\n\nOwen Marsh\nHis Majesty's Inspector";
        let doc = Doc::new(text);
        let found = signatories(&doc);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "Owen Marsh");
        assert_eq!(found[0].role.as_deref(), Some("his majesty's inspector"));
    }
}
