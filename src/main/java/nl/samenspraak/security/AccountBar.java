package nl.samenspraak.security;

/**
 * The bar on top of every page of a logged-in person (views/account-bar.vm): who they are and the menu their role
 * opens. Made once per page by {@link AccountBarModel} from the login, so no controller builds it.
 *
 * @param name           the username
 * @param admin          the admin's links (teams, accounts, audit, questionnaires)
 * @param dashboardNav   the dashboard link's words, "" when the role has no dashboard
 * @param intermediairNav the intermediair link's words, "" when the role is not an intermediair
 */
public record AccountBar(String name, boolean admin, String dashboardNav, String intermediairNav) {
}
