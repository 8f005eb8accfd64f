import CNcurses
import CoproductionTUI
import Foundation

/// Why the full-screen interface cannot start.
enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case unknownTerm(String?)
    case cannotAddress(String)
    case cannotStart

    var description: String {
        switch self {
        case .notATerminal:
            return "coproduce needs a terminal: run it in a terminal window, not with its input or output redirected."
        case .unknownTerm(nil):
            return "TERM is not set, so coproduce cannot drive this terminal. Set it, for example: TERM=xterm-256color coproduce"
        case .unknownTerm(let term?):
            return "The terminal type TERM=\(term) is unknown here, so coproduce cannot drive it. Set TERM to a known type, for example TERM=xterm-256color."
        case .cannotAddress(let term):
            return "The terminal type TERM=\(term) cannot move the cursor, so the full-screen app cannot run. Use a terminal such as xterm-256color."
        case .cannotStart:
            return "The terminal could not be started. Check TERM and try again."
        }
    }
}

/// The only code that talks to ncurses: it copies a ``Screen`` to the terminal and turns
/// `wget_wch` input into ``Event``s. Everything runs on the main thread.
@MainActor
final class NcursesTerminal {
    /// Whether the locale can show UTF-8 (otherwise the screens fall back to ASCII).
    let utf8: Bool
    /// Whether the terminal's terminfo entry has an alternate character set for lines.
    let hasLineDrawing: Bool
    /// The terminal type, from TERM.
    let term: String?
    /// Whether the frames' light box lines are drawn with the terminal's own line-drawing
    /// characters (set from the theme).
    var drawsTerminalLines = false
    private let colour: Bool
    private var screenHandle: OpaquePointer?

    /// Checks the terminal, then starts curses: raw keys, no echo, keypad, instant Esc.
    init(colour wantsColour: Bool, mouse: Bool) throws(TerminalError) {
        let term = ProcessInfo.processInfo.environment["TERM"]
        self.term = term
        switch term.map({ cp_check_terminal($0) }) ?? 1 {
        case 0: break
        case 2: throw .cannotAddress(term ?? "")
        default: throw .unknownTerm(term?.isEmpty == true ? nil : term)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        utf8 = cp_setlocale_is_utf8() != 0
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { set_escdelay(25) }
        guard let handle = newterm(nil, cp_stdout(), cp_stdin()) else { throw .cannotStart }
        screenHandle = handle
        cp_install_restore_handlers()
        raw()
        noecho()
        nonl()
        keypad(cp_stdscr(), true)
        curs_set(0)
        cp_enable_bracketed_paste()
        hasLineDrawing = cp_has_acs() != 0
        if mouse { cp_enable_mouse(1) }
        var useColour = false
        if wantsColour && has_colors() {
            start_color()
            use_default_colors()
            for c in CoproductionTUI.Color.allCases {
                init_pair(Int16(c.rawValue + 1), Int16(c.rawValue), -1)
            }
            useColour = true
        }
        colour = useColour
    }

    /// The terminal's size now.
    var size: Size { Size(width: Int(getmaxx(cp_stdscr())), height: Int(getmaxy(cp_stdscr()))) }

    /// The frame on the terminal now, when the next can be drawn as changes to it.
    private var shown: Screen?
    /// One grapheme as ncurses wants it, reused from cell to cell.
    private var wide: [wchar_t] = []

    /// Copies a frame to the terminal, then one `doupdate`, so ncurses sends only what
    /// changed. Only the cells that differ from the frame shown are handed to ncurses (the
    /// whole frame after a resize or Ctrl-L): a selection move touches a few dozen cells.
    func present(_ screen: Screen) {
        let win = cp_stdscr()
        let previous = shown.flatMap { $0.width == screen.width && $0.height == screen.height ? $0 : nil }
        if previous == nil { werase(win) }
        for y in 0..<screen.height {
            var x = 0
            while x < screen.width {
                let cell = screen[x, y]
                defer { x += max(1, cell.width) }
                if cell.width == 0 { continue }
                if let previous {
                    if previous[x, y] == cell && (cell.width < 2 || x + 1 >= screen.width || previous[x + 1, y] == screen[x + 1, y]) { continue }
                } else if cell.grapheme == " " && cell.style == .plain {
                    continue
                }
                var attrs = cp_a_normal()
                if cell.style.bold { attrs |= cp_a_bold() }
                if cell.style.reverse { attrs |= cp_a_reverse() }
                if cell.style.underline { attrs |= cp_a_underline() }
                if cell.style.dim { attrs |= cp_a_dim() }
                let pair: Int16 = colour ? cell.style.foreground.map { Int16($0.rawValue + 1) } ?? 0 : 0
                if drawsTerminalLines, let which = Self.lineCharacters[cell.grapheme] {
                    _ = cp_put_acs(Int32(y), Int32(x), which, attrs, pair)
                    continue
                }
                wide.removeAll(keepingCapacity: true)
                for scalar in cell.grapheme.unicodeScalars { wide.append(wchar_t(bitPattern: scalar.value)) }
                wide.append(0)
                _ = cp_put_grapheme(Int32(y), Int32(x), wide, attrs, pair)
            }
        }
        // The terminal cursor goes where the user is working (the selection, or where the
        // next letter goes), so screen readers and magnifiers follow it.
        let visible = screen.cursor?.visible ?? false
        if visible != cursorShown {
            curs_set(visible ? 1 : 0)
            cursorShown = visible
        }
        if let cursor = screen.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < screen.width, cursor.y < screen.height {
            wmove(win, Int32(cursor.y), Int32(cursor.x))
        }
        wnoutrefresh(win)
        doupdate()
        shown = screen
    }

    /// The light box lines and the alternate character set's letters for them.
    private static let lineCharacters: [String: CChar] = [
        "─": CChar(UInt8(ascii: "q")), "│": CChar(UInt8(ascii: "x")), "┌": CChar(UInt8(ascii: "l")),
        "┐": CChar(UInt8(ascii: "k")), "└": CChar(UInt8(ascii: "m")), "┘": CChar(UInt8(ascii: "j")),
    ]

    /// Whether the terminal cursor is showing now.
    private var cursorShown = false

    /// Clears and redraws everything on the next frame (Ctrl-L).
    /// The folder `--demo` made: removed at exit and on any signal the terminal handlers catch
    /// (SIGINT, SIGTERM, SIGHUP and the fatal ones), as well as by the normal way out.
    nonisolated static func removeOnExit(folder: String) {
        cp_set_cleanup_folder(folder)
    }

    func redrawAll() {
        clearok(cp_stdscr(), true)
        shown = nil
    }

    /// A register alert: the screen flashes, and with `bell` the terminal's bell rings.
    func alert(bell: Bool) {
        flash()
        if bell { beep() }
    }

    /// Keys read in a burst that turned out to be typing, handed out one at a time.
    private var pending: [Event] = []

    /// The most pasted text kept (the rest is dropped): far beyond any field's limit.
    private static let pasteLimit = 100_000

    /// Waits up to `milliseconds` for a key, a paste or a resize. Text between a terminal's
    /// paste markers comes as one paste; without markers, text arriving faster than typing
    /// that holds a line break is taken as a paste too, so a pasted newline never acts as
    /// Enter and pasted letters never run as shortcuts.
    func nextEvent(milliseconds: Int32) -> Event? {
        if !pending.isEmpty { return pending.removeFirst() }
        let waitFrom = DispatchTime.now().uptimeNanoseconds
        guard let first = readKey(milliseconds: milliseconds) else { return nil }
        // Whether the app was idle, waiting, when the first key came: then whatever came with
        // it arrived at once. (Keys typed while the app was busy pile up too, and are typing.)
        let waited = DispatchTime.now().uptimeNanoseconds - waitFrom > 1_000_000
        switch first {
        case .pasteStart:
            return .paste(readPaste())
        case .event(let event):
            guard case .key(let key) = event, key.isText || key == .enter else { return event }
            // A burst: whatever else is already waiting, read without waiting.
            var burst: [Event] = [event]
            // A paste can reach the terminal in pieces on a busy machine: when the app was idle,
            // a gap of up to 15 ms (far quicker than typing) still belongs to the same burst.
            func more() -> Read? {
                if let next = readKey(milliseconds: 0) { return next }
                return waited ? readKey(milliseconds: 15) : nil
            }
            while burst.count < Self.pasteLimit, let next = more() {
                guard case .event(let e) = next, case .key(let k) = e, k.isText || k == .enter || k == .tab else {
                    if case .event(let e) = next { burst.append(e) }
                    break
                }
                burst.append(e)
            }
            let keys = burst.compactMap { e -> Key? in if case .key(let k) = e { return k } else { return nil } }
            // Typing fast (or keys read late while the app was busy) can start or end with
            // Enter; a paste has text on both sides of a line break.
            var lineBreakInside = false
            for i in keys.indices.dropFirst().dropLast() where keys[i] == .enter {
                let before: Key = keys[i - 1], after: Key = keys[i + 1]
                if before != .enter && after != .enter { lineBreakInside = true }
            }
            if waited, burst.count > 1, lineBreakInside, keys.count == burst.count {
                return .paste(String(keys.map { k -> Character in
                    switch k {
                    case .character(let c): return c
                    case .tab: return "\t"
                    default: return "\n"
                    }
                }))
            }
            pending = Array(burst.dropFirst())
            return event
        case .pasteEnd:
            return nil
        }
    }

    private enum Read {
        case event(Event)
        case pasteStart, pasteEnd
    }

    /// The text up to the end marker (or a second of quiet, should it never come).
    private func readPaste() -> String {
        var text = ""
        var count = 0
        while let next = readRaw(milliseconds: 1000) {
            if next.isPasteEnd { break }
            if let c = next.character, count < Self.pasteLimit {
                text.unicodeScalars.append(c)
                count += 1
            }
        }
        return text
    }

    private struct Raw {
        var code: Int32?
        var character: Unicode.Scalar?
        var isPasteEnd: Bool { code == cp_key_paste_end() }
    }

    private func readRaw(milliseconds: Int32) -> Raw? {
        wtimeout(cp_stdscr(), milliseconds)
        var ch: wint_t = 0
        let result = wget_wch(cp_stdscr(), &ch)
        if result == ERR { return nil }
        if result == cp_key_code_yes() {
            let code = Int32(ch)
            if code == cp_key_enter() { return Raw(code: nil, character: "\n") }
            return Raw(code: code, character: nil)
        }
        return Raw(code: nil, character: UnicodeScalar(UInt32(ch)).map { $0 == "\r" ? "\n" : $0 })
    }

    /// A key read after Esc that was not part of it, to be handed out next.
    private var pendingRaw: (Int32, wint_t)?

    private func readKey(milliseconds: Int32) -> Read? {
        var ch: wint_t = 0
        let result: Int32
        if let (r, c) = pendingRaw {
            pendingRaw = nil
            result = r
            ch = c
        } else {
            wtimeout(cp_stdscr(), milliseconds)
            result = wget_wch(cp_stdscr(), &ch)
        }
        if result == ERR { return nil }
        if result == cp_key_code_yes() {
            let code = Int32(ch)
            if code == cp_key_paste_start() { return .pasteStart }
            if code == cp_key_paste_end() { return .pasteEnd }
            if code == cp_key_resize() { return .event(.resize(size)) }
            if code == cp_key_mouse() {
                var x: Int32 = 0, y: Int32 = 0
                switch cp_read_mouse(&x, &y) {
                case 1: return .event(.mouse(MouseEvent(.click, x: Int(x), y: Int(y))))
                case 2: return .event(.mouse(MouseEvent(.wheelUp, x: Int(x), y: Int(y))))
                case 3: return .event(.mouse(MouseEvent(.wheelDown, x: Int(x), y: Int(y))))
                default: return nil
                }
            }
            let map: [Int32: Key] = [
                cp_key_up(): .up, cp_key_down(): .down, cp_key_left(): .left, cp_key_right(): .right,
                cp_key_home(): .home, cp_key_end(): .end, cp_key_ppage(): .pageUp, cp_key_npage(): .pageDown,
                cp_key_btab(): .backTab, cp_key_enter(): .enter, cp_key_backspace(): .backspace, cp_key_dc(): .delete,
            ]
            if let key = map[code] { return .event(.key(key)) }
            for n in 1...12 where code == cp_key_f(Int32(n)) { return .event(.key(.function(n))) }
            switch cp_control_arrow(code) {
            case 1: return .event(.key(.controlLeft))
            case 2: return .event(.key(.controlRight))
            case 3: return .event(.key(.controlUp))
            case 4: return .event(.key(.controlDown))
            default: return nil
            }
        }
        switch ch {
        case 27:
            // Alt-B and Alt-F (a word left and right) arrive as Esc and the letter together.
            // Only those two are read so: Esc then another key typed quickly stays two keys.
            wtimeout(cp_stdscr(), 0)
            var next: wint_t = 0
            let got = wget_wch(cp_stdscr(), &next)
            if got == OK, next == 98 || next == 102 { return .event(.key(.alt(next == 98 ? "b" : "f"))) }
            if got != ERR {
                pendingRaw = (got, next)
            }
            return .event(.key(.escape))
        case 9: return .event(.key(.tab))
        case 10, 13: return .event(.key(.enter))
        case 8, 127: return .event(.key(.backspace))
        case 1...26: return .event(.key(.control(Character(UnicodeScalar(UInt8(ch) + 96)))))
        default:
            guard let scalar = UnicodeScalar(UInt32(ch)) else { return nil }
            return .event(.key(.character(Character(scalar))))
        }
    }

    /// Restores the terminal.
    func shutdown() {
        cp_disable_bracketed_paste()
        endwin()
        cp_mark_inactive()
        if let handle = screenHandle { delscreen(handle) }
        screenHandle = nil
    }
}
