/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "acr-core.h"

G_BEGIN_DECLS

#define ACR_TYPE_LIST_PAGE (acr_list_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (AcrListPage, acr_list_page, ACR, LIST_PAGE, GtkWidget)

struct _AcrListPageClass
{
  GtkWidgetClass parent_class;

  /* A new model of the rows matching @search (NULL = every row); a lazy list from the
   * store, never all rows read at once. */
  GListModel *(*create_model) (AcrListPage *self,
                               AcrStore    *store,
                               const char  *search);

  /* The widget showing one row: a GtkWidget type with a writable "item" property. Set by
   * subclasses in class_init. */
  GType        row_type;

  /* Called when a row is activated (Enter, a click); NULL: rows do nothing. */
  void        (*item_activated) (AcrListPage *self,
                                 gpointer     item);

  /*< private >*/
  gpointer     padding[7];
};

AcrStore    *acr_list_page_get_store         (AcrListPage *self);
/* Sets the store the page lists from and queries it again; NULL empties the page. */
void         acr_list_page_set_store         (AcrListPage *self,
                                              AcrStore    *store);
/* Queries the store again with the current search, after a change to its rows. */
void         acr_list_page_reload            (AcrListPage *self);
/* Moves the keyboard focus to the search entry. */
void         acr_list_page_focus_search      (AcrListPage *self);
/* Adds @widget (a button) at the end of the row of the search entry. */
void         acr_list_page_add_header_widget (AcrListPage *self,
                                              GtkWidget   *widget);
/* Shows @detail (an editor of one row) in place of the search and the list, adding it to
 * the page the first time; NULL goes back to the list. */
void         acr_list_page_show_detail       (AcrListPage *self,
                                              GtkWidget   *detail);
/* The widget shown by acr_list_page_show_detail(), NULL while the list is shown. */
GtkWidget   *acr_list_page_get_detail        (AcrListPage *self);

G_END_DECLS
