import Coproduction
import CoproductionStore
import CoproductionTUI
import Foundation

// coproduce-bench: builds the benchmark data at each scale (1 = 10,000 meetings, 2,000
// champions, 50,000 children, 100,000 crèche bookings, 20,000 ideas; 10 = ten times that),
// then measures in process (view and key-to-frame without a terminal) and through the real
// `coproduce` binary on an 80×24 pseudo-terminal (first frame, key-to-frame with ncurses,
// bytes written per selection move, peak memory). Run it from a release build: `make bench`.

var scales = [1, 10]
var runs = 10
var rounds = 300
var arguments = CommandLine.arguments.dropFirst()
while let a = arguments.popFirst() {
    switch a {
    case "--scales": scales = (arguments.popFirst() ?? "1").split(separator: ",").compactMap { Int($0) }
    case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
    case "--rounds": rounds = Int(arguments.popFirst() ?? "") ?? rounds
    default:
        FileHandle.standardError.write(Data("usage: coproduce-bench [--scales 1,10] [--runs N] [--rounds N]\n".utf8))
        exit(2)
    }
}

let exe = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
let app = exe.deletingLastPathComponent().appendingPathComponent("coproduce").path
guard FileManager.default.isExecutableFile(atPath: app) else {
    FileHandle.standardError.write(Data("coproduce-bench: \(app) is missing: build the whole package first (swift build -c release).\n".utf8))
    exit(1)
}

let now = LocalDateTime(Date())
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coproduce-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
defer { try? FileManager.default.removeItem(at: folder) }

var cpu = "unknown"
if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
   let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) {
    cpu = String(line.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces)
}
print("# coproduce-bench, \(now.date.iso) \(now.time)")
print("")
print("Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), \(ProcessInfo.processInfo.physicalMemory / 1_048_576) MB.")
print("Rounds per in-process figure: \(rounds); pseudo-terminal runs for the first frame: \(runs).")
print("")

for scale in scales {
    let path = folder.appendingPathComponent("bench-\(scale).sqlite").path
    let db = try AppDatabase.open(path: path)
    let generate = try milliseconds { try DemoData.write(into: db, today: now.date, size: .large, scale: scale) }
    // Fold the generator's one big write into the database file, as the daily use of the
    // app would have long since done, so the figures are for a settled database.
    try db.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    print("## Scale \(scale): \(10_000 * scale) meetings, \(2_000 * scale) champions, \(50_000 * scale) children, \(100_000 * scale) bookings, \(20_000 * scale) ideas")
    print("")
    print("Data generated in \(f(generate / 1000, 1)) s.")
    print("")

    let inProcess = try InProcess.run(database: db, now: now, rounds: rounds)
    print("| In process (no terminal) | median ms | p99 ms |")
    print("| --- | ---: | ---: |")
    print("| view(state, size) of the main screen | \(f(inProcess.viewMain.median, 3)) | \(f(inProcess.viewMain.p99, 3)) |")
    for (name, samples) in inProcess.keys {
        print("| key to frame: \(name) | \(f(samples.median, 3)) | \(f(samples.p99, 3)) |")
    }
    for (name, samples) in inProcess.queries {
        print("| store: \(name) | \(f(samples.median, 3)) | \(f(samples.p99, 3)) |")
    }
    print("")

    let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LINES": "24", "COLUMNS": "80",
                       "HOME": folder.path, "PATH": "/usr/bin:/bin", "XDG_STATE_HOME": folder.path]
    var firstFrame = Samples()
    var moveBytes = Samples(), moveTime = Samples(), paneTime = Samples(), openTime = Samples(), filterTime = Samples()
    var pasteTime = Samples()
    var peak = 0
    var inApp: [String: Samples] = [:]
    let timesFile = folder.appendingPathComponent("frames-\(scale).tsv").path
    for run in 0..<runs {
        var env = environment
        if run == 0 { env["COPRODUCE_FRAME_TIMES"] = timesFile }
        let pty = try PseudoTerminal(binary: app, arguments: ["--db", path], environment: env)
        guard let first = pty.waitFor("quit") else {
            FileHandle.standardError.write(Data("coproduce-bench: no first frame within 10 s\n".utf8))
            pty.finish()
            exit(1)
        }
        firstFrame.add(first)
        _ = pty.read(quietFor: 150)
        if run == 0 {
            func key(_ text: String, into samples: inout Samples, bytes: UnsafeMutablePointer<Samples>? = nil) {
                let sent = DispatchTime.now().uptimeNanoseconds
                pty.send(text)
                let (n, last) = pty.read(quietFor: 40)
                samples.add(Double(last - sent) / 1e6)
                bytes?.pointee.add(Double(n))
            }
            for i in 0..<200 { key(i % 2 == 0 ? "j" : "k", into: &moveTime, bytes: &moveBytes) }
            for _ in 0..<150 { key("\t", into: &paneTime) }
            key("1", into: &paneTime)
            for _ in 0..<100 {
                key("\r", into: &openTime)
                pty.send("q")  // back from the detail (Esc would wait for ESCDELAY)
                _ = pty.read(quietFor: 40)
            }
            pty.send("/")
            _ = pty.read(quietFor: 60)
            for i in 0..<200 { key(i % 2 == 0 ? "b" : "\u{7f}", into: &filterTime) }
            pty.send("\r")
            _ = pty.read(quietFor: 60)
            // A 5,000-character paste into a new meeting's title: from the paste's last byte
            // written to the last byte of the frame that shows it (cut to the title's limit).
            for _ in 0..<10 {
                pty.send("n")
                _ = pty.read(quietFor: 60)
                pty.send("\u{1B}[200~" + String(repeating: "a", count: 5_000) + "\u{1B}[201~")
                let ended = DispatchTime.now().uptimeNanoseconds
                let (_, last) = pty.read(quietFor: 40)
                pasteTime.add(Double(last - ended) / 1e6)
                pty.send("\u{1B}")
                _ = pty.read(quietFor: 80)
                pty.send("y")
                _ = pty.read(quietFor: 60)
            }
            peak = pty.peakMemoryKB() ?? 0
        }
        pty.finish()
        if run == 0, let text = try? String(contentsOfFile: timesFile, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "\t")
                if parts.count == 2, let ms = Double(parts[1]) { inApp[String(parts[0]), default: Samples()].add(ms) }
            }
        }
    }
    print("| Inside the real binary: key read to frame handed to the terminal (update + view + present) | median ms | p99 ms |")
    print("| --- | ---: | ---: |")
    var moves = Samples(), filters = Samples()
    moves.values = (inApp["j"]?.values ?? []) + (inApp["k"]?.values ?? [])
    filters.values = (inApp["b"]?.values ?? []) + (inApp["Backspace"]?.values ?? [])
    for (name, samples) in [("selection move (j, k)", moves), ("switch pane (Tab)", inApp["Tab"] ?? Samples()),
                            ("open a detail (Enter)", inApp["Enter"] ?? Samples()), ("filter as you type (a letter, Backspace)", filters)] {
        print("| \(name), \(samples.values.count) keys | \(f(samples.median, 3)) | \(f(samples.p99, 3)) |")
    }
    print("")
    print("| Real binary on an 80×24 pseudo-terminal, through ncurses | median | p95 | p99 or max |")
    print("| --- | ---: | ---: | ---: |")
    print("| process start to first frame (ms; max of \(runs)) | \(f(firstFrame.median, 1)) | | \(f(firstFrame.max, 1)) |")
    for (name, samples) in [("selection move", moveTime), ("switch pane", paneTime), ("open a detail", openTime),
                            ("filter as you type", filterTime)] {
        print("| key to frame, \(name) (ms, to the frame's last byte; p99 of \(samples.values.count)) | \(f(samples.median, 2)) | \(f(samples.percentile(95), 2)) | \(f(samples.p99, 2)) |")
    }
    print("| paste of 5,000 characters into a title, paste end to frame (ms; max of \(pasteTime.values.count)) | \(f(pasteTime.median, 2)) | | \(f(pasteTime.max, 2)) |")
    print("| bytes written per selection move (max) | \(f(moveBytes.median, 0)) | | \(f(moveBytes.max, 0)) |")
    print("| peak memory (VmHWM, MB) | \(f(Double(peak) / 1024, 1)) | | |")
    print("")
}
