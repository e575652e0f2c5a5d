/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrFrameworksPage: the Frameworks place of the window: every qualification framework of
 * the store, searchable by code, title and country, read lazily through
 * acr_framework_list (). Searching and the empty states are AcrListPage's. */

#define G_LOG_DOMAIN "acr-frameworks-page"

#include "config.h"

#include "acr-framework.h"
#include "acr-framework-row.h"
#include "acr-frameworks-page.h"

struct _AcrFrameworksPage
{
  AcrListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AcrFrameworksPage, acr_frameworks_page, ACR_TYPE_LIST_PAGE)

static GListModel *
acr_frameworks_page_create_model (AcrListPage *page,
                                 AcrStore    *store,
                                 const char  *search)
{
  return G_LIST_MODEL (acr_framework_list (store, search));
}

static void
acr_frameworks_page_class_init (AcrFrameworksPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcrListPageClass *list_page_class = ACR_LIST_PAGE_CLASS (klass);

  list_page_class->create_model = acr_frameworks_page_create_model;
  list_page_class->row_type = ACR_TYPE_FRAMEWORK_ROW;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-frameworks-page.ui");
}

static void
acr_frameworks_page_init (AcrFrameworksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
