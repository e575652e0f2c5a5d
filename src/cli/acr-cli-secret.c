/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli's passphrases and PINs: read from a file given on the command line (its first
 * line), or asked on the controlling terminal (/dev/tty) with echo off, never from the
 * command line itself (where other users could see them in the process list). Secrets are
 * wiped before they are freed. */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "acr-cli.h"

#define MAX_SECRET_LENGTH 1024

void
acr_cli_secret_free (char *secret)
{
  if (secret == NULL)
    return;
  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

static char *
read_secret_file (const char  *path,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize len = 0;
  char *newline;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("The file “%s” could not be read: %s"), path, local_error->message);
      return NULL;
    }

  /* The first line, without its line end. */
  newline = strpbrk (contents, "\r\n");
  if (newline != NULL)
    *newline = '\0';
  if (strlen (contents) != len && newline == NULL)
    {
      explicit_bzero (contents, len);
      g_free (contents);
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("The file “%s” does not hold a passphrase or PIN as text."), path);
      return NULL;
    }
  if (newline != NULL)
    explicit_bzero (newline, len - (newline - contents));

  return contents;
}

/* Asks on @fd (the terminal) with echo off; NULL on end of input. */
static char *
ask_terminal (int          fd,
              const char  *prompt)
{
  struct termios saved, quiet;
  gboolean restore = FALSE;
  char buffer[MAX_SECRET_LENGTH + 1];
  gsize len = 0;
  gboolean done = FALSE;
  char *secret = NULL;

  if (write (fd, prompt, strlen (prompt)) < 0 || write (fd, ": ", 2) < 0)
    return NULL;

  if (tcgetattr (fd, &saved) == 0)
    {
      quiet = saved;
      quiet.c_lflag &= ~(ECHO | ECHONL);
      quiet.c_lflag |= ICANON;
      restore = tcsetattr (fd, TCSAFLUSH, &quiet) == 0;
    }

  while (!done)
    {
      char c;
      ssize_t n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      if (c == '\n' || c == '\r')
        done = TRUE;
      else if (len < MAX_SECRET_LENGTH)
        buffer[len++] = c;
    }
  buffer[len] = '\0';

  if (restore)
    tcsetattr (fd, TCSAFLUSH, &saved);
  if (write (fd, "\n", 1) < 0)
    {
      /* Only cosmetic. */
    }

  if (done)
    secret = g_strdup (buffer);
  explicit_bzero (buffer, sizeof buffer);
  return secret;
}

char *
acr_cli_read_secret (const char  *file,
                     const char  *option,
                     const char  *prompt,
                     gboolean     confirm,
                     GError     **error)
{
  char *first = NULL;
  char *second = NULL;
  int fd;

  if (file != NULL)
    return read_secret_file (file, error);

  fd = open ("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("“%s” is needed and there is no terminal to ask on: give it in a file "
                     "with --%s FILE."), prompt, option != NULL ? option : "passphrase-file");
      return NULL;
    }

  first = ask_terminal (fd, prompt);
  if (first != NULL && confirm)
    {
      g_autofree char *again = g_strdup_printf (_("%s (again)"), prompt);

      second = ask_terminal (fd, again);
      if (second == NULL || !g_str_equal (first, second))
        {
          close (fd);
          acr_cli_secret_free (first);
          acr_cli_secret_free (second);
          g_set_error_literal (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                               _("The two entries differ. Nothing was changed."));
          return NULL;
        }
      acr_cli_secret_free (second);
    }
  close (fd);

  if (first == NULL)
    g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                 _("No input for “%s”. Nothing was changed."), prompt);
  return first;
}

char *
acr_cli_pin_func (const char *token_label,
                  guint       attempt,
                  gpointer    user_data)
{
  const char *pin_file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *prompt = NULL;
  char *pin;

  /* A PIN from a file is given once: if the token refused it, asking again would only use
   * up the token's tries. */
  if (pin_file != NULL)
    {
      if (attempt > 0)
        return NULL;
      pin = acr_cli_read_secret (pin_file, "pin-file", NULL, FALSE, &error);
      if (pin == NULL)
        acr_cli_print_error (error->message);
      return pin;
    }

  if (attempt > 0)
    prompt = g_strdup_printf (_("Wrong PIN. PIN for “%s”"), token_label);
  else
    prompt = g_strdup_printf (_("PIN for “%s”"), token_label);
  pin = acr_cli_read_secret (NULL, "pin-file", prompt, FALSE, &error);
  if (pin == NULL)
    acr_cli_print_error (error->message);
  return pin;
}
