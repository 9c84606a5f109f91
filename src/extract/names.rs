//! Telling people's names from the other capitalised words of news text.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Capitalised words that are not parts of a person's name in this genre:
/// organisations, offices, places' generic parts, months, furniture.
const NON_NAME_WORDS: &str = "
Ofsted Council Councils County Borough City Metropolitan District Authority Authorities Local Government
Children Children's Children’s Childrens  People Family Families Services Service Social Care Work Workers
Trust Trusts Partnership Partnerships Board Boards Group Groups Agency Agencies Association Commission Commissioner
Department Education Health Police Constabulary NHS Clinical Commissioning Safeguarding Court Courts Tribunal
Home Office Secretary Minister Ministry State Chancellor Prime Cabinet Member Members Leader Leaders Deputy
Director Directors Executive Chief Chair Chairman Chairwoman Head Headteacher Officer Manager Mayor Inspector Inspectors
Inspectorate Her His Majesty Majesty's Majesty’s HMI Report Letter Review Inquiry Plan Programme Improvement
House  Street Road Centre Center Civic Building Town Square   Avenue Way
University College School Schools Academy Academies Nursery Foundation Charity Society Union Institute Network
Committee Party Labour Conservative Conservatives Tory Tories Liberal Democrat Democrats  Greens Reform Independent
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
England English Britain British UK Wales Welsh Scotland Scottish Ireland Irish Europe European North South East West
Northern Southern Eastern Western Midlands Yorkshire Humber
Covid Covid-19 Coronavirus Pandemic
News Echo Post Times Mail Guardian Chronicle Press Star Mirror Telegraph Express Weekly Now Gazette Herald
Journal Observer Reporter Digital Magazine BBC ITV Sky Channel Online
Photo Picture Image Images Getty Shutterstock Alamy PA Wire Credit Hide Ad Subscribe Comments Leave Reply Read
More Also Share Related Advertisement Sign Newsletter Facebook Twitter LinkedIn Email WhatsApp Print
Early Help Youth Justice Team Teams Unit Hub MASH Multi Front Door National Regional Royal Unitary Serious Case
Adoption Fostering Foster Residential Special Educational Needs SEND Disabilities Act  Law Legal Public
Strategic Corporate Assistant Interim Acting Executive Lead Principal Senior Joint Targeted Area Inspection
Monitoring Focused Visit Full Good Outstanding Inadequate Requires Improvement Overall Judgement Rating
The A An In On At For Of And But Or If When While Despite However Meanwhile Elsewhere Separately Following After
Before Since Inspectors Ofsted's Ofsted’s It Its This That These Those Their They We Our Us He She His Hers
Cllr Coun Councillor Mr Mrs Ms Miss Dr Professor Prof Sir Dame Lord Lady Baroness Rev
Together Achieving Brighter Futures First
";

pub const TITLES: &[&str] = &[
    "Cllr",
    // The Yorkshire and North East papers' short form of "Councillor".
    "Coun",
    "Councillor",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Professor",
    "Prof",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Rev",
    // Police ranks, often abbreviated ("Det Supt Jane Doe").
    "Det",
    "Detective",
    "Supt",
    "Superintendent",
    "Ch",
    "Insp",
    "Sgt",
    "Sergeant",
    "PC",
    "DCI",
    "DI",
    "DS",
];

/// Common first names, so that a bare "Jane Doe" is recognised without a
/// title, role or speech verb beside it.
const FIRST_NAMES: &str = "
Aaron Adam Adrian Aidan Alan Alastair Albert Alex Alexander Alexandra Alfie Alice Alison Amanda Amber Amelia Amy
Andrea Andrew Andy Angela Anita Ann Anna Anne Annette Anthony Antony Arthur Asif Barbara Barry Ben Benjamin Bernard
Beth Bethany Beverley Bill Bob Brenda Brian Bridget Bruce Carl Carol Caroline Carolyn Catherine Cathy Charles Charlie
Charlotte Chloe Chris Christian Christina Christine Christopher Claire Clare Colin Craig Dan Daniel Danny Darren
Dave David Dawn Dean Debbie Deborah Debra Denise Dennis Derek Diana Diane Dominic Donna Doug Douglas Duncan Ed Eddie
Edward Eileen Elaine Eleanor Elizabeth Ella Ellen Emily Emma Eric Eve Fiona Frances Francis Frank Gail Gary Gavin
Gemma Geoff Geoffrey George Georgina Gerald Gill Gillian Glen Gordon Graham Grant Hannah Harriet Harry Hayley Heather
Helen Henry Hilary Ian Imran Isabel Jack Jackie Jacqueline Jacqui James Jamie Jan Jane Janet Janice Jason Jay Jean
Jeff Jennifer Jenny Jeremy Jessica Jill Jim Jo Joan Joanna Joanne Jody Joe John Jon Jonathan Joseph Josh Joy Judith
Judy Julia Julian Julie Justin Karen Kate Katherine Kathryn Katie Kay Keith Kelly Ken Kevin Kim Kirsty Laura Lauren
Lee Leigh Lesley Leslie Linda Lindsay Lisa Liz Lorraine Louise Lucy Luke Lynn Lynne Maggie Malcolm Mandy Marc
Margaret Maria Marie Mark Martin Mary Matt Matthew Maureen Melanie Michael Michelle Mike Mohammed Muhammad Naomi
Natalie Neil Nicholas Nick Nicola Nigel Noel Norman Oliver Pam Pamela Pat Patricia Patrick Paul Paula Pauline Penny
Pete Peter Phil Philip Phillip Rachel Rebecca Richard Rob Robert Robin Roger Ros Rosie Ross Ruth Ryan Sadiq Sajid
Sally Sam Samantha Sandra Sara Sarah Sean Shaun Sharon Sheila Simon Sonia Sophie Stella Stephanie Stephen Steve
Steven Stuart Sue Susan Suzanne Tanya Teresa Terry Theresa Thomas Tim Timothy Tina Toby Tom Tony Tracey Tracy
Trevor Vanessa Vicky Victoria Vince Vincent Wendy William Yvonne Zoe Zahid Shabana Nadhim Gillian Yvette Amanda
Megan Owen Callum Carla Rosa Priya Aisha Fatima Ali Omar Hassan Rhys Gareth Dylan Ethan Lewis Kieran Liam Connor
Joel Niamh Siobhan Aoife Ciara Bethan Cerys Sian Jade Kerry Leanne Nadia Anil Raj Ravi Sunil Deepak Jasmine Holly
Molly Abigail Grace Ruby Poppy Freya Isla Olivia Imogen Lydia Esther Miriam Marcus Nathan Adele Gwen Clive Roy Ray
";

/// A set of words hashed with FNV-1a: the words are short and few, so
/// std's collision-resistant SipHash costs more than the look-up itself.
type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv1a>>;

static NON_NAMES: LazyLock<WordSet> = LazyLock::new(|| NON_NAME_WORDS.split_whitespace().collect());
static FIRSTS: LazyLock<WordSet> = LazyLock::new(|| FIRST_NAMES.split_whitespace().collect());

/// The FNV-1a hash over the bytes written.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Whether any word of `s` is one that never belongs to a person's name.
pub fn has_non_name_word(s: &str) -> bool {
    s.split_whitespace().any(is_non_name_word)
}

/// Whether the word, without surrounding punctuation and a possessive, never
/// belongs to a person's name.
fn is_non_name_word(word: &str) -> bool {
    NON_NAMES.contains(strip_possessive(
        word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'),
    ))
}

/// Words of the genre's vocabulary that are also common surnames
/// ("Megan Foster", "Anna Hall"): after a known first name they are names.
const SURNAME_WORDS: &[&str] = &[
    "Foster", "Hall", "Young", "Good", "Lord", "Head", "Law", "Court", "House", "English", "North",
    "South", "East", "West", "Church", "Green", "Mayor", "Early",
];

/// Whether `name` is a known first name followed by name tokens, the last
/// of which may be a word like "Foster" that is otherwise not a name.
pub fn first_name_and_surname(name: &str) -> bool {
    // The surname word is the rarest condition and the cheapest to test.
    let surname_word = name
        .split_whitespace()
        .next_back()
        .is_some_and(|last| SURNAME_WORDS.contains(&last));
    if !surname_word {
        return false;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((last, rest)) = words.split_last() else {
        return false;
    };
    (2..=3).contains(&words.len())
        && is_first_name(words[0])
        && SURNAME_WORDS.contains(last)
        && !rest.iter().any(|w| is_non_name_word(w))
        && words.iter().all(|w| is_name_token(w))
}

pub fn is_first_name(word: &str) -> bool {
    FIRSTS.contains(word)
}

pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word.trim_end_matches('.'))
}

/// A name-shaped token: capitalised, letters with inner hyphens or
/// apostrophes ("Thomson-Jones", "O'Neill", "McDonald").
pub fn is_name_token(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && word.chars().count() >= 2
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && word.chars().any(char::is_lowercase)
        && !word.ends_with(['-', '\'', '’'])
}

/// Whether `name` (two to four name tokens) can be a person's name.
pub fn could_be_person(name: &str) -> bool {
    let mut count = 0;
    for word in name.split_whitespace() {
        count += 1;
        if count > 4 || !is_name_token(word) || is_non_name_word(word) {
            return false;
        }
    }
    count >= 2
}

/// Whether `name` starts with a known first name.
pub fn starts_with_first_name(name: &str) -> bool {
    name.split_whitespace().next().is_some_and(is_first_name)
}

/// The last word of a name, for matching later surname-only mentions.
pub fn surname(name: &str) -> &str {
    name.split_whitespace().next_back().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_and_not_people() {
        assert!(could_be_person("Jacqui Smith"));
        assert!(could_be_person("Paula Thomson-Jones"));
        assert!(could_be_person("Siobhan O'Neill"));
        assert!(!could_be_person("Home Secretary"));
        assert!(!could_be_person("Sunderland Civic Centre"));
        assert!(!could_be_person("Northumbria Police"));
        assert!(!could_be_person("Smith"));
    }

    #[test]
    fn surnames_that_are_also_ordinary_words() {
        assert!(first_name_and_surname("Megan Foster"));
        assert!(!first_name_and_surname("Wigan Foster"));
        assert!(!first_name_and_surname("Megan Council"));
    }

    #[test]
    fn police_ranks_are_titles() {
        assert!(is_title("Det"));
        assert!(is_title("Supt"));
        assert!(is_title("Insp."));
    }

    #[test]
    fn name_tokens() {
        assert!(is_name_token("McDonald"));
        assert!(!is_name_token("MASH"));
        assert!(!is_name_token("children"));
        assert!(!is_name_token("Smith-"));
    }
}
