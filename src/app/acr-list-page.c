/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrListPage: the base of the pages that list one table of the store (modules, learners,
 * curricula): a search entry over a GtkListView of a lazy model, and status pages for an
 * empty table and for a search without results.
 *
 * The search entry's own delay debounces typing; each search makes a new model from the
 * subclass's create_model () and swaps it into the list view's selection model, so the
 * view never holds more than the pages the lazy model has read. Rows are widgets of the
 * subclass's row_type, given their item through an "item" property. */

#define G_LOG_DOMAIN "acr-list-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "acr-list-page.h"

typedef struct
{
  AcrStore           *store;
  GListModel         *model;

  char               *empty_title;
  char               *empty_description;
  char               *empty_icon_name;
  char               *search_placeholder;

  GtkWidget          *header_clamp;
  GtkBox             *header_box;
  GtkSearchEntry     *search_entry;
  GtkStack           *content_stack;
  GtkWidget          *detail;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
} AcrListPagePrivate;

enum {
  PROP_0,
  PROP_STORE,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  PROP_EMPTY_ICON_NAME,
  PROP_SEARCH_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (AcrListPage, acr_list_page, GTK_TYPE_WIDGET)

static void
update_visible_state (AcrListPage *self)
{
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (priv->search_entry));
  guint n_items = priv->model ? g_list_model_get_n_items (priv->model) : 0;

  if (priv->detail != NULL)
    return;

  if (n_items > 0)
    gtk_stack_set_visible_child_name (priv->content_stack, "list");
  else if (search[0] != '\0')
    gtk_stack_set_visible_child_name (priv->content_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (priv->content_stack, "empty");
}

static void
on_items_changed_cb (AcrListPage *self,
                     guint        position,
                     guint        removed,
                     guint        added,
                     GListModel  *model)
{
  update_visible_state (self);
}

static void
query (AcrListPage *self)
{
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);
  g_autoptr(GListModel) model = NULL;
  g_autofree char *search = NULL;

  search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (priv->search_entry))));

  if (priv->store != NULL)
    model = ACR_LIST_PAGE_GET_CLASS (self)->create_model (self, priv->store,
                                                          search[0] != '\0' ? search : NULL);

  if (priv->model != NULL)
    g_signal_handlers_disconnect_by_func (priv->model, on_items_changed_cb, self);
  g_set_object (&priv->model, model);
  if (priv->model != NULL)
    g_signal_connect_object (priv->model, "items-changed",
                             G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_single_selection_set_model (priv->selection, priv->model);
  update_visible_state (self);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             AcrListPage              *self)
{
  GType row_type = ACR_LIST_PAGE_GET_CLASS (self)->row_type;

  gtk_list_item_set_child (list_item, g_object_new (row_type, NULL));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            AcrListPage              *self)
{
  g_object_set (gtk_list_item_get_child (list_item),
                "item", gtk_list_item_get_item (list_item),
                NULL);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              AcrListPage              *self)
{
  g_object_set (gtk_list_item_get_child (list_item), "item", NULL, NULL);
}

static void
on_activate_cb (AcrListPage *self,
                guint        position,
                GtkListView *list_view)
{
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);
  AcrListPageClass *klass = ACR_LIST_PAGE_GET_CLASS (self);
  g_autoptr(GObject) item = NULL;

  if (klass->item_activated == NULL || priv->model == NULL)
    return;

  item = g_list_model_get_item (priv->model, position);
  if (item != NULL)
    klass->item_activated (self, item);
}

static void
on_search_changed_cb (AcrListPage    *self,
                      GtkSearchEntry *entry)
{
  query (self);
}

static void
on_stop_search_cb (AcrListPage    *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
acr_list_page_constructed (GObject *object)
{
  AcrListPage *self = ACR_LIST_PAGE (object);
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);

  G_OBJECT_CLASS (acr_list_page_parent_class)->constructed (object);

  /* A subclass that forgot its row type or model is a programming error. */
  g_assert (g_type_is_a (ACR_LIST_PAGE_GET_CLASS (self)->row_type, GTK_TYPE_WIDGET));
  g_assert (ACR_LIST_PAGE_GET_CLASS (self)->create_model != NULL);

  /* Rows that open something open on a single click, as links do. */
  if (ACR_LIST_PAGE_GET_CLASS (self)->item_activated != NULL)
    gtk_list_view_set_single_click_activate (priv->list_view, TRUE);

  update_visible_state (self);
}

static void
acr_list_page_dispose (GObject *object)
{
  AcrListPage *self = ACR_LIST_PAGE (object);
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);
  GtkWidget *child;

  priv->detail = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ACR_TYPE_LIST_PAGE);
  /* GTK 4.8 leaves the template's unnamed children in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&priv->model);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (acr_list_page_parent_class)->dispose (object);
}

static void
acr_list_page_finalize (GObject *object)
{
  AcrListPage *self = ACR_LIST_PAGE (object);
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);

  g_free (priv->empty_title);
  g_free (priv->empty_description);
  g_free (priv->empty_icon_name);
  g_free (priv->search_placeholder);

  G_OBJECT_CLASS (acr_list_page_parent_class)->finalize (object);
}

static gboolean
set_string_property (AcrListPage  *self,
                     char        **field,
                     const char   *value,
                     GParamSpec   *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

static void
acr_list_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AcrListPage *self = ACR_LIST_PAGE (object);
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_EMPTY_TITLE:
      g_value_set_string (value, priv->empty_title);
      break;
    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, priv->empty_description);
      break;
    case PROP_EMPTY_ICON_NAME:
      g_value_set_string (value, priv->empty_icon_name);
      break;
    case PROP_SEARCH_PLACEHOLDER:
      g_value_set_string (value, priv->search_placeholder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_list_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AcrListPage *self = ACR_LIST_PAGE (object);
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      acr_list_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_EMPTY_TITLE:
      set_string_property (self, &priv->empty_title, g_value_get_string (value), pspec);
      break;
    case PROP_EMPTY_DESCRIPTION:
      set_string_property (self, &priv->empty_description, g_value_get_string (value), pspec);
      break;
    case PROP_EMPTY_ICON_NAME:
      set_string_property (self, &priv->empty_icon_name, g_value_get_string (value), pspec);
      break;
    case PROP_SEARCH_PLACEHOLDER:
      if (set_string_property (self, &priv->search_placeholder, g_value_get_string (value),
                               pspec))
        {
          /* GTK 4.8 has no setter for it, only the property. */
          g_object_set (priv->search_entry, "placeholder-text", priv->search_placeholder, NULL);
          /* The placeholder disappears while typing; the accessible name stays. */
          gtk_accessible_update_property (GTK_ACCESSIBLE (priv->search_entry),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          priv->search_placeholder,
                                          -1);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_list_page_class_init (AcrListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = acr_list_page_constructed;
  object_class->dispose = acr_list_page_dispose;
  object_class->finalize = acr_list_page_finalize;
  object_class->get_property = acr_list_page_get_property;
  object_class->set_property = acr_list_page_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ACR_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEARCH_PLACEHOLDER] =
    g_param_spec_string ("search-placeholder", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (ADW_TYPE_CLAMP_SCROLLABLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-list-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, AcrListPage, header_clamp);
  gtk_widget_class_bind_template_child_private (widget_class, AcrListPage, header_box);
  gtk_widget_class_bind_template_child_private (widget_class, AcrListPage, search_entry);
  gtk_widget_class_bind_template_child_private (widget_class, AcrListPage, content_stack);
  gtk_widget_class_bind_template_child_private (widget_class, AcrListPage, list_view);
  gtk_widget_class_bind_template_child_private (widget_class, AcrListPage, selection);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_cb);
}

static void
acr_list_page_init (AcrListPage *self)
{
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing anywhere on the page starts a search. */
  gtk_search_entry_set_key_capture_widget (priv->search_entry, GTK_WIDGET (self));
}

AcrStore *
acr_list_page_get_store (AcrListPage *self)
{
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);

  g_return_val_if_fail (ACR_IS_LIST_PAGE (self), NULL);

  return priv->store;
}

void
acr_list_page_set_store (AcrListPage *self,
                         AcrStore    *store)
{
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);

  g_return_if_fail (ACR_IS_LIST_PAGE (self));
  g_return_if_fail (store == NULL || ACR_IS_STORE (store));

  if (g_set_object (&priv->store, store))
    {
      query (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
    }
}

void
acr_list_page_reload (AcrListPage *self)
{
  g_return_if_fail (ACR_IS_LIST_PAGE (self));

  query (self);
}

void
acr_list_page_focus_search (AcrListPage *self)
{
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);

  g_return_if_fail (ACR_IS_LIST_PAGE (self));

  acr_list_page_show_detail (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

void
acr_list_page_add_header_widget (AcrListPage *self,
                                 GtkWidget   *widget)
{
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);

  g_return_if_fail (ACR_IS_LIST_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (priv->header_box, widget);
}

void
acr_list_page_show_detail (AcrListPage *self,
                           GtkWidget   *detail)
{
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);

  g_return_if_fail (ACR_IS_LIST_PAGE (self));
  g_return_if_fail (detail == NULL || GTK_IS_WIDGET (detail));

  priv->detail = detail;
  gtk_widget_set_visible (priv->header_clamp, detail == NULL);
  /* Typing in the detail must not search the hidden list. */
  gtk_search_entry_set_key_capture_widget (priv->search_entry,
                                           detail == NULL ? GTK_WIDGET (self) : NULL);

  if (detail == NULL)
    {
      update_visible_state (self);
      return;
    }

  if (gtk_widget_get_parent (detail) != GTK_WIDGET (priv->content_stack))
    gtk_stack_add_child (priv->content_stack, detail);
  gtk_stack_set_visible_child (priv->content_stack, detail);
}

GtkWidget *
acr_list_page_get_detail (AcrListPage *self)
{
  AcrListPagePrivate *priv = acr_list_page_get_instance_private (self);

  g_return_val_if_fail (ACR_IS_LIST_PAGE (self), NULL);

  return priv->detail;
}
