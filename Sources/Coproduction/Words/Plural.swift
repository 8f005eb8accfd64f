/// Counts in words with the noun in the right number: "1 meeting", "2 meetings",
/// "1 child", "3 children". One helper, so no message says "1 meetings".
public enum Plural {
    /// Nouns whose plural is not the singular plus "s".
    static let irregular: [String: String] = [
        "child": "children", "person": "people", "parent": "parents", "day": "days", "activity": "activities",
        "entry": "entries", "reply": "replies", "category": "categories", "company": "companies", "policy": "policies",
        "crèche": "crèches", "match": "matches", "class": "classes", "address": "addresses", "staff": "staff",
    ]

    /// The noun for a count: `noun(1, "child")` is "child", `noun(2, "child")` "children".
    public static func noun(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        if count == 1 { return singular }
        if let plural { return plural }
        if let known = irregular[singular] { return known }
        // The endings are ASCII, so their last bytes tell them (`hasSuffix` compares whole
        // characters, and batch commands make thousands of these).
        let last = singular.utf8.last, beforeLast = singular.utf8.dropLast().last
        if last == UInt8(ascii: "y"), let before = singular.dropLast().last, !"aeiou".contains(before) {
            return singular.dropLast() + "ies"
        }
        if last == UInt8(ascii: "s") || last == UInt8(ascii: "x")
            || (last == UInt8(ascii: "h") && (beforeLast == UInt8(ascii: "c") || beforeLast == UInt8(ascii: "s"))) {
            return singular + "es"
        }
        return singular + "s"
    }

    /// The count and the noun: `count(2, "meeting")` is "2 meetings".
    public static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(noun(count, singular, plural))"
    }
}
