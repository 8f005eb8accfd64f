import Coproduction
@testable import CoproductionTUI
import Testing

/// The configuration file: what it sets, and for each kind of mistake the line, the key and
/// what is wrong, with the default kept for it.
@Suite struct UserConfigurationTests {
    @Test func aGoodFileSetsTheThemeTheMouseThePlainModeAndKeys() {
        let (config, problems) = UserConfiguration.parse("""
            # mine
            theme = "high-contrast"
            mouse = false
            plain = true

            [keys]
            new = "N"
            help = ["?", "F1", "F12"]
            """)
        #expect(problems.isEmpty)
        #expect(config.palette == .highContrast)
        #expect(!config.mouse)
        #expect(config.plain)
        #expect(config.keyMap.overrides[.new] == [.character("N")])
        #expect(config.keyMap.overrides[.help] == [.character("?"), .function(1), .function(12)])
    }

    @Test func aFileThatIsNotTOMLSaysWhichLineAndUsesTheDefaults() {
        let (config, problems) = UserConfiguration.parse("theme = \"light\"\nmouse = yes please\n")
        #expect(config == UserConfiguration())
        #expect(problems.count == 1)
        #expect(problems[0].line == 2)
        #expect(problems[0].description.hasPrefix("line 2: "))
        #expect(problems[0].description.contains("nothing in the file is used"))
    }

    @Test func eachBadSettingNamesItsLineAndKeyAndKeepsItsDefault() {
        let (config, problems) = UserConfiguration.parse("""
            theme = "purple"
            mouse = "no"
            colour = true

            [keys]
            new = "Ctrl-"
            fly = "z"
            edit = 3
            help = "N"
            """)
        #expect(config.palette == .dark)
        #expect(config.mouse)
        #expect(config.keyMap.overrides.isEmpty)
        let said = problems.map(\.description)
        #expect(said.contains { $0.hasPrefix("line 1, theme: must be \"dark\", \"light\" or \"high-contrast\"") })
        #expect(said.contains { $0.hasPrefix("line 2, mouse: must be true or false") })
        #expect(said.contains { $0.hasPrefix("line 3, colour: is not a setting") })
        #expect(said.contains { $0.hasPrefix("line 6, keys.new: \"Ctrl-\" is not a key") })
        #expect(said.contains { $0.hasPrefix("line 7, keys.fly: is not an action") })
        #expect(said.contains { $0.hasPrefix("line 8, keys.edit: must be a key in quotes") })
        // N is the question's "no": giving it to help would leave no way to say no.
        #expect(said.contains { $0.hasPrefix("line 9, keys.help: N already does no on the yes or no question screen") })
        #expect(problems.count == 7)
    }

    @Test func aKeyAnotherActionNeedsIsRefused() {
        let (config, problems) = UserConfiguration.parse("[keys]\nhelp = \"q\"\n")
        #expect(config.keyMap.overrides[.help] == nil)
        #expect(problems.first?.description.contains("q already does quit") == true)
    }

    @Test func theFileIsFoundUnderXDGConfigHomeOrHome() {
        #expect(UserConfiguration.path(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/coproduce/config.toml")
        #expect(UserConfiguration.path(environment: ["HOME": "/h"]) == "/h/.config/coproduce/config.toml")
        #expect(UserConfiguration.path(environment: [:]) == nil)
    }

    @Test func aMovedKeyDoesTheActionAndTheOldOneNoLonger() throws {
        let f = try Fixture()
        var state = f.controller.state
        state.keyMap = KeyMap([.new: [.character("N")]])
        f.controller = AppController(database: f.database, state: state, clock: { Fixture.now.instant })
        f.press(.character("n"))
        #expect(f.controller.state.screen == .main)
        f.press(.character("N"))
        #expect(f.controller.state.screen == .meetingForm)
        f.press(.escape)
        let hints = f.screen.lines[23]
        #expect(hints.contains("N new"))
        f.press(.character("?"))
        #expect(f.screen.text.contains("N          New meeting") || f.screen.text.contains("N "))
        #expect(HelpPage.entries(.main, role: .admin, keyMap: state.keyMap).contains { $0.key == "N" })
    }

    @Test func keysAreReadAsHelpWritesThem() {
        #expect(Key(name: "Ctrl-S") == .control("s"))
        #expect(Key(name: "F2") == .function(2))
        #expect(Key(name: "PgDn") == .pageDown)
        #expect(Key(name: "Space") == .character(" "))
        #expect(Key(name: "Shift-Tab") == .backTab)
        #expect(Key(name: "x") == .character("x"))
        #expect(Key(name: "F13") == nil)
        #expect(Key(name: "Ctrl-1") == nil)
        #expect(Key(name: "") == nil)
    }
}
