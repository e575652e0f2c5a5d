/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Helpers the in-process UI tests share: running the main context and finding widgets the way
 * a person sees them (by title, label or tooltip). */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Runs the default main context until nothing is pending (at most 1,000 iterations). */
void        acr_test_iterate_until_idle (void);
/* The first descendant of @type (with @css_class, unless NULL), or NULL. */
GtkWidget  *acr_test_find_descendant    (GtkWidget  *root,
                                         GType       type,
                                         const char *css_class);
/* @title without mnemonic underlines. Free with g_free(). */
char       *acr_test_strip_underline    (const char *title);
/* The first preferences row of @type titled @title (underlines ignored), or NULL. */
GtkWidget  *acr_test_find_row           (GtkWidget  *root,
                                         GType       type,
                                         const char *title);
/* The same, failing the test when there is none. */
GtkWidget  *acr_test_get_row            (GtkWidget  *root,
                                         GType       type,
                                         const char *title);
/* A label whose text is @text, or NULL. */
GtkLabel   *acr_test_find_label         (GtkWidget  *root,
                                         const char *text);
/* The button whose tooltip is @label; an icon-only one must have @label as accessible name. */
GtkWidget  *acr_test_find_button        (GtkWidget  *root,
                                         const char *label);
/* Removes @path and everything below it. */
void        acr_test_remove_tree        (const char *path);

G_END_DECLS
