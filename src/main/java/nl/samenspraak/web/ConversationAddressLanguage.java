package nl.samenspraak.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import nl.samenspraak.conversation.ReadConversation;
import nl.samenspraak.system.AddressLanguage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refusal on a conversation's own address (its chat page {@code /c/{id}...}, its API {@code /api/conversations/{id}...},
 * which the web chat's script calls) is said in the conversation's language: an Arabic chat in a Dutch browser was
 * told "Dit bericht is te groot." when too long a text was pasted. Read only when refusing; a conversation held by an
 * intermediair names nothing here (its address is "not found" to anyone else).
 */
@Singleton
class ConversationAddressLanguage implements AddressLanguage {
    private static final Pattern ADDRESS = Pattern.compile("/(?:c|api/conversations)/([^/]+)(?:/.*)?");

    private final ReadConversation conversations;

    ConversationAddressLanguage(ReadConversation conversations) {
        this.conversations = conversations;
    }

    @Override
    public Optional<String> of(HttpRequest<?> request) {
        Matcher address = ADDRESS.matcher(request.getPath());
        return address.matches() ? conversations.language(address.group(1)) : Optional.empty();
    }

    /** From this instance's copy of a conversation still going (the web chat's own, mostly): no database read. */
    @Override
    public Optional<String> withoutWaiting(HttpRequest<?> request) {
        Matcher address = ADDRESS.matcher(request.getPath());
        return address.matches() ? conversations.languageKept(address.group(1)) : Optional.empty();
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
