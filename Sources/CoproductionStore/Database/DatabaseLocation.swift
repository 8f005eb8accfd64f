import Foundation

/// Where the database lives: `--db PATH`, then `COPRODUCE_DB`, then
/// `$XDG_DATA_HOME/coproduce/coproduce.sqlite` (`~/.local/share/...` when unset).
public enum DatabaseLocation {
    /// The path to use, given an explicit `--db` value (if any) and the environment.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let env = environment["COPRODUCE_DB"], !env.isEmpty { return env }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((dataHome as NSString).appendingPathComponent("coproduce") as NSString)
            .appendingPathComponent("coproduce.sqlite")
    }
}
