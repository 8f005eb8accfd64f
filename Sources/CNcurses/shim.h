// The only C in the project. Swift 6 cannot import ncurses' globals (stdscr, COLS, LINES)
// nor most of its macros (A_BOLD, KEY_*, getmaxyx), so they are exposed here as constants
// and static inline functions. Never retype their values in Swift.
#ifndef COPRODUCE_CNCURSES_SHIM_H
#define COPRODUCE_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// MARK: Globals

static inline WINDOW *cp_stdscr(void) { return stdscr; }
static inline int cp_lines(void) { return LINES; }
static inline int cp_cols(void) { return COLS; }
static inline FILE *cp_stdout(void) { return stdout; }
static inline FILE *cp_stdin(void) { return stdin; }

// MARK: Attributes (macros)

static inline attr_t cp_a_normal(void) { return A_NORMAL; }
static inline attr_t cp_a_bold(void) { return A_BOLD; }
static inline attr_t cp_a_reverse(void) { return A_REVERSE; }
static inline attr_t cp_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cp_a_dim(void) { return A_DIM; }

// MARK: Keys (macros)

static inline int cp_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cp_key_up(void) { return KEY_UP; }
static inline int cp_key_down(void) { return KEY_DOWN; }
static inline int cp_key_left(void) { return KEY_LEFT; }
static inline int cp_key_right(void) { return KEY_RIGHT; }
static inline int cp_key_home(void) { return KEY_HOME; }
static inline int cp_key_end(void) { return KEY_END; }
static inline int cp_key_ppage(void) { return KEY_PPAGE; }
static inline int cp_key_npage(void) { return KEY_NPAGE; }
static inline int cp_key_btab(void) { return KEY_BTAB; }
static inline int cp_key_enter(void) { return KEY_ENTER; }
static inline int cp_key_backspace(void) { return KEY_BACKSPACE; }
static inline int cp_key_dc(void) { return KEY_DC; }
static inline int cp_key_resize(void) { return KEY_RESIZE; }
static inline int cp_key_f(int n) { return KEY_F(n); }

// MARK: Bracketed paste and modified arrows

/// Key codes of our own for the markers a terminal puts round pasted text (ESC[200~ and
/// ESC[201~), above every code ncurses uses.
static inline int cp_key_paste_start(void) { return KEY_MAX + 1; }
static inline int cp_key_paste_end(void) { return KEY_MAX + 2; }

/// Asks ncurses to report the paste markers as those codes, and the terminal to send them.
static inline void cp_enable_bracketed_paste(void) {
    define_key("\033[200~", KEY_MAX + 1);
    define_key("\033[201~", KEY_MAX + 2);
    fputs("\033[?2004h", stdout);
    fflush(stdout);
}

/// Tells the terminal to stop marking pastes (on every exit path).
static inline void cp_disable_bracketed_paste(void) {
    fputs("\033[?2004l", stdout);
    fflush(stdout);
}

/// 1 for Ctrl-Left, 2 for Ctrl-Right, 3 for Ctrl-Up, 4 for Ctrl-Down, 0 for any other key
/// code (terminfo names them kLFT5, kRIT5, kUP5 and kDN5 where the terminal has them).
static inline int cp_control_arrow(int code) {
    const char *name = keyname(code);
    if (name == NULL) return 0;
    if (strcmp(name, "kLFT5") == 0) return 1;
    if (strcmp(name, "kRIT5") == 0) return 2;
    if (strcmp(name, "kUP5") == 0) return 3;
    if (strcmp(name, "kDN5") == 0) return 4;
    return 0;
}

// MARK: Terminal checks

/// Returns 0 when TERM names a terminal that can address the cursor, 1 when TERM is
/// unknown or missing, 2 when it is known but cannot move the cursor (TERM=dumb).
/// Uses setupterm with an error pointer so ncurses never prints or exits on its own.
static inline int cp_check_terminal(const char *term) {
    int err = 0;
    if (term == NULL || term[0] == '\0') return 1;
    if (setupterm(term, STDOUT_FILENO, &err) != OK) return 1;
    const char *cup = tigetstr("cup");
    int addressable = !(cup == NULL || cup == (char *)-1);
    del_curterm(cur_term);
    return addressable ? 0 : 2;
}

// MARK: Restoring the terminal on every exit path

static volatile sig_atomic_t cp_curses_active = 0;

static inline void cp_restore_terminal(void) {
    if (cp_curses_active) {
        cp_curses_active = 0;
        fputs("\033[?2004l", stdout);
        endwin();
        fflush(stdout);
    }
}

// MARK: Removing the `--demo` folder on every exit path

static char cp_cleanup_dir[4096] = {0};

/// Removes the demo database's files and its folder (only calls safe in a signal handler).
static inline void cp_remove_cleanup_folder(void) {
    if (cp_cleanup_dir[0] == '\0') return;
    static const char *names[] = { "/demo.sqlite", "/demo.sqlite-wal", "/demo.sqlite-shm", "/demo.sqlite.lock", "/demo.sqlite-journal" };
    char path[4200];
    size_t n = strlen(cp_cleanup_dir);
    for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        size_t m = strlen(names[i]);
        if (n + m + 1 > sizeof path) continue;
        memcpy(path, cp_cleanup_dir, n);
        memcpy(path + n, names[i], m + 1);
        unlink(path);
    }
    rmdir(cp_cleanup_dir);
    cp_cleanup_dir[0] = '\0';
}

/// The folder `--demo` made, removed at exit and on any caught signal.
static inline void cp_set_cleanup_folder(const char *folder) {
    strncpy(cp_cleanup_dir, folder, sizeof cp_cleanup_dir - 1);
}

static inline void cp_signal_handler(int sig) {
    cp_restore_terminal();
    cp_remove_cleanup_folder();
    signal(sig, SIG_DFL);
    raise(sig);
}

/// Marks curses as active and restores the terminal at exit, on SIGINT, SIGTERM and SIGHUP,
/// and on the fatal signals a Swift trap raises (the handler calls endwin, then re-raises).
static inline void cp_install_restore_handlers(void) {
    static int installed = 0;
    cp_curses_active = 1;
    if (installed) return;
    installed = 1;
    atexit(cp_restore_terminal);
    atexit(cp_remove_cleanup_folder);
    int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = cp_signal_handler;
        sigemptyset(&sa.sa_mask);
        sigaction(signals[i], &sa, NULL);
    }
}

/// Called after endwin on a normal quit, so the atexit hook does nothing twice.
static inline void cp_mark_inactive(void) { cp_curses_active = 0; }

// MARK: Locale

/// Sets the locale from the environment (LANG, LC_ALL) and says whether it is UTF-8.
static inline int cp_setlocale_is_utf8(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// MARK: Wide characters

/// Draws one grapheme (as a NUL-terminated wide string) at (y, x) with the given attributes
/// and colour pair, through setcchar so combining marks stay with their base character.
static inline int cp_put_grapheme(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

// MARK: Line drawing and the mouse

/// 1 when the terminal's terminfo entry has an alternate character set (acsc).
static inline int cp_has_acs(void) {
    const char *acsc = tigetstr("acsc");
    return acsc != NULL && acsc != (char *)-1 && acsc[0] != '\0';
}

/// Draws one of the alternate set's line characters ('q' horizontal, 'x' vertical, 'l' 'k'
/// 'm' 'j' the corners) at (y, x): NCURSES_ACS is a macro over a global, so it lives here.
static inline int cp_put_acs(int y, int x, char which, attr_t attrs, short pair) {
    chtype c = NCURSES_ACS(which);
    return mvaddch(y, x, c | attrs | COLOR_PAIR(pair));
}

static inline int cp_key_mouse(void) { return KEY_MOUSE; }

/// Asks for button-1 presses and the wheel (buttons 4 and 5), or for nothing.
static inline void cp_enable_mouse(int on) {
    mmask_t mask = on ? (BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0;
    mousemask(mask, NULL);
    mouseinterval(0);
}

/// Reads the mouse event behind KEY_MOUSE: 1 a click, 2 the wheel up, 3 the wheel down,
/// 0 anything else; the cell goes in *x and *y.
static inline int cp_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) return 2;
    if (event.bstate & BUTTON5_PRESSED) return 3;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    return 0;
}

#endif
