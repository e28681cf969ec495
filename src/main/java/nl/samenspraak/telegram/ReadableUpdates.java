package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.util.ArrayList;
import java.util.List;

/**
 * The long poll's getUpdates, read one update at a time: an update the client library cannot read (a text that is
 * an object, a chat id that is no number or beyond a long) comes back as an empty update with its id, so the poll's
 * offset passes it and it is handled as nothing, with one line in the log naming its id alone. Read as one batch, the
 * library refused the whole reply, the next poll asked for the same offset, and no update behind that one was ever
 * handled, without a word in the log (the Telegram probe of December 2026). Each update goes through the library's
 * own reading, so every readable one reads exactly as before.
 */
final class ReadableUpdates extends GetUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(ReadableUpdates.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    ReadableUpdates(Integer offset, Integer limit, Integer timeout, List<String> allowedUpdates) {
        super(offset, limit, timeout, allowedUpdates);
    }

    @Override
    public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode reply;
        try {
            reply = JSON.readTree(answer);
        } catch (Exception e) {
            return super.deserializeResponse(answer); // not JSON: refused as the library refuses it
        }
        if (reply == null || !reply.path("ok").asBoolean(false) || !reply.path("result").isArray()) {
            return super.deserializeResponse(answer); // an error reply, with its description and retry_after
        }
        ArrayList<Update> updates = new ArrayList<>();
        for (JsonNode update : reply.get("result")) {
            ObjectNode one = JSON.createObjectNode().put("ok", true);
            one.putArray("result").add(update);
            try {
                updates.addAll(super.deserializeResponse(one.toString()));
            } catch (TelegramApiRequestException | RuntimeException e) {
                Update skipped = new Update();
                skipped.setUpdateId(update.path("update_id").asInt());
                LOG.warn("Telegram: update {} could not be read and is passed over", skipped.getUpdateId());
                updates.add(skipped);
            }
        }
        return updates;
    }
}
