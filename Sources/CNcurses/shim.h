#ifndef VAKTLOGG_CNCURSES_SHIM_H
#define VAKTLOGG_CNCURSES_SHIM_H
/* Wide-character ncurses: without this get_wch/addwstr are missing and æøå come out as bytes. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <poll.h>
#include <ncurses.h>

/*
 * What Swift cannot import from ncurses: attribute and key macros, macros that take the
 * window (stdscr, getmaxyx, wattrset, erase …) and the global COLS/LINES. Each is re-exported
 * as a typed inline function or constant so the Swift side never touches a macro.
 */
/* wcwidth is declared by <wchar.h> only under _XOPEN_SOURCE, which SwiftPM strips from the
 * pkg-config flags; the C library always has it. */
extern int wcwidth(wchar_t c);
static inline int vk_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

static inline attr_t vk_a_normal(void) { return A_NORMAL; }
static inline attr_t vk_a_bold(void) { return A_BOLD; }
static inline attr_t vk_a_reverse(void) { return A_REVERSE; }
static inline attr_t vk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t vk_a_dim(void) { return A_DIM; }
static inline attr_t vk_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

static inline WINDOW *vk_stdscr(void) { return stdscr; }
static inline int vk_lines(void) { return LINES; }
static inline int vk_cols(void) { return COLS; }
static inline void vk_getmaxyx(int *rows, int *cols) {
    int y, x;
    getmaxyx(stdscr, y, x);
    *rows = y;
    *cols = x;
}

static const int VK_KEY_CODE_YES = KEY_CODE_YES;
static const int VK_KEY_UP = KEY_UP;
static const int VK_KEY_DOWN = KEY_DOWN;
static const int VK_KEY_LEFT = KEY_LEFT;
static const int VK_KEY_RIGHT = KEY_RIGHT;
static const int VK_KEY_PPAGE = KEY_PPAGE;
static const int VK_KEY_NPAGE = KEY_NPAGE;
static const int VK_KEY_HOME = KEY_HOME;
static const int VK_KEY_END = KEY_END;
static const int VK_KEY_ENTER = KEY_ENTER;
static const int VK_KEY_BACKSPACE = KEY_BACKSPACE;
static const int VK_KEY_DC = KEY_DC;
static const int VK_KEY_BTAB = KEY_BTAB;
static const int VK_KEY_RESIZE = KEY_RESIZE;
static const int VK_ERR = ERR;
static const int VK_OK = OK;
static inline int vk_key_f(int n) { return KEY_F(n); }

/* Terminal set-up in one call: raw keys, no echo, keypad decoding, hidden cursor, fast Esc. */
static inline void vk_setup_terminal(void) {
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    curs_set(0);
    set_escdelay(25);
}

static inline void vk_attrset(attr_t attr) { wattrset(stdscr, (int)attr); }
static inline void vk_erase(void) { werase(stdscr); }
static inline void vk_refresh(void) { wrefresh(stdscr); }
static inline int vk_put(int row, int col, const wchar_t *text, int n) {
    return mvwaddnwstr(stdscr, row, col, text, n);
}
static inline int vk_get_wch(wint_t *ch) { return wget_wch(stdscr, ch); }

/*
 * SIGWINCH is blocked except while waiting in vk_poll2 (ppoll swaps the mask atomically), so a
 * resize can never arrive between draining the keys and going to sleep: it always wakes the wait.
 * Call once after initscr (which installs ncurses' handler).
 */
#include <signal.h>
#include <time.h>
extern int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout, const sigset_t *sigmask);
static inline void vk_block_winch(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGWINCH);
    sigprocmask(SIG_BLOCK, &set, NULL);
}

/*
 * Waits until the terminal (fd0) or the database socket (fd1, -1 for none) is readable, a
 * SIGWINCH arrives, or `timeout_ms` passes. Sets *ready0/*ready1. Returns ppoll's result
 * (-1 with errno EINTR after a signal).
 */
static inline int vk_poll2(int fd0, int fd1, int timeout_ms, int *ready0, int *ready1) {
    struct pollfd p[2];
    p[0].fd = fd0; p[0].events = POLLIN; p[0].revents = 0;
    p[1].fd = fd1; p[1].events = POLLIN; p[1].revents = 0;
    struct timespec ts;
    ts.tv_sec = timeout_ms / 1000;
    ts.tv_nsec = (long)(timeout_ms % 1000) * 1000000L;
    sigset_t waiting;
    sigprocmask(SIG_BLOCK, NULL, &waiting);
    sigdelset(&waiting, SIGWINCH);
    int r = ppoll(p, fd1 >= 0 ? 2 : 1, timeout_ms < 0 ? NULL : &ts, &waiting);
    *ready0 = r > 0 && (p[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
    *ready1 = r > 0 && fd1 >= 0 && (p[1].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
    return r;
}

#endif
