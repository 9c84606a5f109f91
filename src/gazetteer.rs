//! English councils with children's services, and the trusts that run some
//! of them, for recognising and canonicalising names in text.
