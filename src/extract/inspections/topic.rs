//! Whether an article is about a school's inspection rather than children's
//! social care: its inspection cues then give no item. (Whether a record is
//! off topic is decided in `extract::topic`.)

use super::super::Doc;
use regex::Regex;
use std::sync::LazyLock;

/// Words of children's social care.
static SOCIAL_CARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:children['’]s\s+(?:social\s+care|services|homes?)|social\s+(?:care|work)|fostering|adoption|care\s+leavers|children\s+in\s+care|looked[-\s]after|secure\s+(?:units?|homes?|children['’]s\s+homes?)|monitoring\s+visits?|focused\s+visits?|ilacs|jtai)")
        .expect("social care regex")
});

/// Words of schools and other settings the inspectorate also inspects.
static SCHOOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:schools?|pupils?|headteachers?|head\s+teachers?|academy|academies|nurser(?:y|ies)|classrooms?|curriculum)(?-u:\b)")
        .expect("school regex")
});

/// Whether the article is about a school's (or another setting's)
/// inspection: school words outnumber social care words several times.
pub fn about_a_school(doc: &Doc) -> bool {
    let school = SCHOOL.find_iter(doc.text).count();
    // Most articles name no school five times: no need to count the rest.
    school >= 5 && school > 3 * SOCIAL_CARE.find_iter(doc.text).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_school_story_is_not_about_social_care() {
        let doc = Doc::new(
            "School rated good\n\nA primary school was rated good by Ofsted. Pupils enjoy the curriculum, the headteacher said. The school has 300 pupils.",
        );
        assert!(about_a_school(&doc));
    }
}
