/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Helpers shared by the in-process UI tests (see acr-ui-test.h). */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "acr-ui-test.h"

void
acr_test_iterate_until_idle (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

GtkWidget *
acr_test_find_descendant (GtkWidget  *root,
                          GType       type,
                          const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (css_class == NULL || gtk_widget_has_css_class (child, css_class)))
        return child;

      if ((found = acr_test_find_descendant (child, type, css_class)) != NULL)
        return found;
    }

  return NULL;
}

/* The title without mnemonic underlines. */
char *
acr_test_strip_underline (const char *title)
{
  GString *s = g_string_new (NULL);

  for (; title != NULL && *title != '\0'; title++)
    if (*title != '_')
      g_string_append_c (s, *title);

  return g_string_free (s, FALSE);
}

/* The first preferences row of @type titled @title (underlines ignored). */
GtkWidget *
acr_test_find_row (GtkWidget  *root,
                   GType       type,
                   const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && ADW_IS_PREFERENCES_ROW (child))
        {
          g_autofree char *plain =
            acr_test_strip_underline (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));

          if (g_strcmp0 (plain, title) == 0)
            return child;
        }

      if ((found = acr_test_find_row (child, type, title)) != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
acr_test_get_row (GtkWidget  *root,
                  GType       type,
                  const char *title)
{
  GtkWidget *row = acr_test_find_row (root, type, title);

  if (row == NULL)
    g_error ("No row “%s”", title);
  return row;
}

/* A label whose text is @text, or NULL. */
GtkLabel *
acr_test_find_label (GtkWidget  *root,
                     const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);

      if ((found = acr_test_find_label (child, text)) != NULL)
        return found;
    }

  return NULL;
}

/* The button inside @root whose tooltip is @label; an icon-only one must have @label as its
 * accessible name. */
GtkWidget *
acr_test_find_button (GtkWidget  *root,
                      const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), label) == 0)
        {
          /* An icon-only button has an accessible name. */
          if (gtk_button_get_label (GTK_BUTTON (child)) == NULL)
            gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);
          return child;
        }

      if ((found = acr_test_find_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

void
acr_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      acr_test_remove_tree (child);
    }
  g_rmdir (path);
}
