//! The agreement figures as a table for people, as JSON and as CSV.

use super::FolderAgreement;
use super::diff::Side;
use crate::words::count;
use serde_json::json;

/// Kappa in its column, and why it is not defined at the line's end.
fn kappa_text(k: &super::Kappa) -> (String, String) {
    match (k.kappa, k.undefined_reason()) {
        (Some(kappa), _) => (format!("{kappa:6.2}"), String::new()),
        (None, reason) => (
            "-".into(),
            reason.map(|r| format!("  ({r})")).unwrap_or_default(),
        ),
    }
}

impl FolderAgreement {
    /// The table `agree` prints: kappas, then P/R/F1 of B against A, the
    /// overall figure, and the differences of each article.
    pub fn to_table(&self) -> String {
        let a = &self.agreement;
        let mut out = format!(
            "{:<17} {:>6} {:>7}   agreed/pairs\n",
            "field", "kappa", "agree"
        );
        for (field, k) in a.kappas() {
            let observed = k.observed().map_or("     -".into(), |p| format!("{p:7.2}"));
            let (kappa, why) = kappa_text(&k);
            out.push_str(&format!(
                "{field:<17} {kappa:>6} {observed:>7}   {}/{}{why}\n",
                k.agreed, k.pairs
            ));
        }
        out.push_str(&format!(
            "\n{:<17} {:>6} {:>6} {:>6}   tp/fp/fn (B against A)\n",
            "field", "P", "R", "F1"
        ));
        for (field, c) in a.field_counts() {
            let (p, r, f) = c.prf();
            out.push_str(&format!(
                "{field:<17} {p:6.2} {r:6.2} {f:6.2}   {}/{}/{}\n",
                c.tp, c.fp, c.fn_
            ));
        }
        out.push_str(&format!(
            "\n{} compared, {} coded by one curator only\n",
            count(a.articles.len(), "article"),
            count(self.coded_once, "article")
        ));
        out.push_str(&format!("overall F1 {:.3}\n", a.overall_f1()));
        out.push_str(&format!(
            "{}\n",
            count(a.disagreement_count(), "disagreement")
        ));
        for article in &a.articles {
            let missing = match article.missing {
                Some(Side::A) => " (no record in A)",
                Some(Side::B) => " (no record in B)",
                None => "",
            };
            if article.differences.is_empty() {
                continue;
            }
            out.push_str(&format!("\n{}{missing}\n", article.name));
            for d in &article.differences {
                out.push_str(&format!("  {}\n", d.line()));
            }
        }
        out
    }

    /// The same figures as one JSON document.
    pub fn to_json(&self) -> serde_json::Value {
        let a = &self.agreement;
        let kappas: serde_json::Map<String, serde_json::Value> = a
            .kappas()
            .into_iter()
            .map(|(field, k)| {
                let value = json!({
                    "pairs": k.pairs, "agreed": k.agreed,
                    "observed": k.observed(), "kappa": k.kappa,
                    "undefined": k.undefined_reason(),
                });
                (field.to_string(), value)
            })
            .collect();
        let fields: serde_json::Map<String, serde_json::Value> = a
            .field_counts()
            .into_iter()
            .map(|(field, c)| {
                let (p, r, f) = c.prf();
                let value = json!({"tp": c.tp, "fp": c.fp, "fn": c.fn_, "p": p, "r": r, "f1": f});
                (field.to_string(), value)
            })
            .collect();
        json!({
            "articles": a.articles.len(),
            "coded_once": self.coded_once,
            "overall_f1": a.overall_f1(),
            "kappa": kappas,
            "fields": fields,
            "disagreements": a.articles,
        })
    }

    /// One row per field: `field,measure,...` with kappa rows and P/R/F1
    /// rows in one sheet.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let a = &self.agreement;
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record([
            "field", "measure", "value", "pairs", "agreed", "tp", "fp", "fn", "p", "r", "f1",
        ])?;
        let num = |x: f64| format!("{x:.4}");
        for (field, k) in a.kappas() {
            let kappa = k.kappa.map(num).unwrap_or_default();
            let (pairs, agreed) = (k.pairs.to_string(), k.agreed.to_string());
            writer.write_record([
                field, "kappa", &kappa, &pairs, &agreed, "", "", "", "", "", "",
            ])?;
        }
        for (field, c) in a.field_counts() {
            let (p, r, f) = c.prf();
            let (tp, fp, fn_) = (c.tp.to_string(), c.fp.to_string(), c.fn_.to_string());
            let (p, r, f) = (num(p), num(r), num(f));
            writer.write_record([field, "f1", &f, "", "", &tp, &fp, &fn_, &p, &r, &f])?;
        }
        let overall = num(a.overall_f1());
        writer.write_record(["overall", "f1", &overall, "", "", "", "", "", "", "", ""])?;
        let bytes = writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}
