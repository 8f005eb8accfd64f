import Coproduction

/// The words staff use for the programme's workings, and the plain words a Parent Champion
/// sees in their place: one table, so titles, help and labels say the same thing to parents.
/// Staff keep their own words (and the ratios, codes and ladder the parents' screens leave out).
enum ParentWords {
    /// Staff words, longest first, and what parents read instead.
    static let swaps: [(staff: String, parents: String)] = [
        ("Parent Engagement Fund", "Parent Fund"),
        ("Engagement Fund", "Parent Fund"),
        ("Co-production report", "How parents took part"),
        ("Barrier checks", "Easy for parents to come?"),
        ("its impact statement", "what changed for families"),
        ("Impact", "What changed"),
    ]

    /// The text as the role reads it: unchanged for staff, with the plain words for a champion.
    static func fit(_ text: String, for role: Role?) -> String {
        guard role == .champion else { return text }
        var out = text
        for swap in swaps where out.contains(swap.staff) { out = out.replacingOccurrences(of: swap.staff, with: swap.parents) }
        return out
    }

    /// As ``fit(_:for:)`` for whoever is signed in.
    static func fit(_ text: String, _ state: AppState) -> String { fit(text, for: state.session?.role) }
}
