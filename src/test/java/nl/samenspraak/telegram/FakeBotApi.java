package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A Telegram Bot API server on loopback, as strict as the real one where it matters: it serves scripted
 * updates to getUpdates (confirming them by offset, as Telegram does), keeps every message the bot sends
 * with its buttons, and refuses with 400 what Telegram refuses (HTML it can't parse, a message over 4096
 * characters, callback_data over 64 bytes, a notice over 200 characters). Failures can be scripted: a 429
 * with retry_after, a 502.
 */
final class FakeBotApi implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HOLD_MILLIS = 300;

    static {
        // The JDK's server writes a response's headers and its body apart; without TCP_NODELAY the body waits for the
        // client's delayed acknowledgement (some 40 ms on Linux) on every call the bot makes, which Telegram's servers
        // don't do. Read once, before the first server is made (no other test starts one of these); given on the
        // command line (-Dsun.net.httpserver.nodelay=false, to compare), that wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** A call the bot made: method (lower case), its JSON body, when, and the port it came in at (see {@link #anotherUrl}). */
    record Call(String method, JsonNode body, Instant at, int port) {
    }

    /** A message the bot sent, with its buttons as they are now (after edits). */
    static final class Sent {
        final long chatId;
        final int messageId;
        final String html;
        final String text;
        volatile JsonNode markup;

        Sent(long chatId, int messageId, String html, String text, JsonNode markup) {
            this.chatId = chatId;
            this.messageId = messageId;
            this.html = html;
            this.text = text;
            this.markup = markup;
        }

        boolean hasButtons() {
            return markup != null && markup.has("inline_keyboard") && !markup.get("inline_keyboard").isEmpty();
        }

        /** callback_data of every button, row by row. */
        List<String> buttonData() {
            List<String> data = new ArrayList<>();
            if (hasButtons()) {
                markup.get("inline_keyboard").forEach(row -> row.forEach(b -> data.add(b.path("callback_data").asText())));
            }
            return data;
        }

        List<String> buttonTexts() {
            List<String> texts = new ArrayList<>();
            if (hasButtons()) {
                markup.get("inline_keyboard").forEach(row -> row.forEach(b -> texts.add(b.path("text").asText())));
            }
            return texts;
        }

        @Override
        public String toString() {
            return "#" + messageId + " " + text + (hasButtons() ? " " + buttonTexts() : "");
        }
    }

    private record Failure(int status, String body) {
    }

    /** A file the bot sent (sendDocument, multipart): its name, its bytes as they arrived, its caption. */
    record Document(long chatId, int messageId, String fileName, byte[] bytes, String caption) {
    }

    private final String token;
    private final HttpServer server;
    private final List<HttpServer> otherDoors = new ArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-bot-api");
        t.setDaemon(true);
        return t;
    });
    private final List<Call> calls = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<ObjectNode> pending = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final Map<Long, List<Sent>> sent = new HashMap<>();
    private final Map<Long, List<Document>> documents = new HashMap<>();
    /**
     * Update ids, unique across every fake in the test JVM: the suite's in-memory database is shared, and an update id
     * already handled for a bot is not handled again, so two test classes whose fakes both counted from 7,000 under
     * one bot id lost the later class's updates without a sound (it showed only in the full run).
     */
    private static final java.util.concurrent.atomic.AtomicInteger UPDATE_IDS = new java.util.concurrent.atomic.AtomicInteger(7_000);
    private int nextMessageId = 100;
    private int nextCallbackId = 1;
    private long confirmedBelow;
    private boolean down;
    private boolean downForSending;
    private final Map<Long, Integer> slowChats = new HashMap<>();
    /** Chats whose sendMessage calls are held (in flight, unanswered) until {@link #releaseSending}. */
    private final java.util.Set<Long> heldChats = new java.util.HashSet<>();
    /** Chats whose sendDocument calls (uploads) are held the same way, until {@link #releaseSending}. */
    private final java.util.Set<Long> heldDocumentChats = new java.util.HashSet<>();
    /** Chats whose person blocked the bot ({@link #blockedBy}). */
    private final java.util.Set<Long> blockedChats = new java.util.HashSet<>();
    /** The ids of the bot's messages deleted, by chat. */
    private final Map<Long, java.util.Set<Integer>> deleted = new HashMap<>();
    /** Files the bot may fetch (getFile, then /file/bot<token>/<path>), by file_id. */
    private final Map<String, byte[]> files = new HashMap<>();
    private int nextFile = 1;

    FakeBotApi(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The same Bot API at another port: give each of several instances its own, and {@link Call#port()} tells which
     * instance called (all of them share the updates, as they share one bot at Telegram).
     */
    synchronized String anotherUrl() {
        try {
            HttpServer door = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            door.createContext("/", this::handle);
            door.setExecutor(executor);
            door.start();
            otherDoors.add(door);
            return "http://127.0.0.1:" + door.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The port of a URL that {@link #url()} or {@link #anotherUrl()} gave. */
    static int portOf(String url) {
        return java.net.URI.create(url).getPort();
    }

    // ---- what users do

    synchronized ObjectNode message(long chatId, String languageCode, String text) {
        ObjectNode update = JSON.createObjectNode().put("update_id", UPDATE_IDS.getAndIncrement());
        ObjectNode m = update.putObject("message").put("message_id", nextMessageId++)
                .put("date", Instant.now().getEpochSecond()).put("text", text);
        m.set("chat", chat(chatId));
        m.set("from", user(chatId, languageCode));
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0).put("length", end);
        }
        return update;
    }

    /** A message in a group chat the bot was added to. */
    synchronized ObjectNode groupMessage(long groupId, long userId, String languageCode, String text) {
        ObjectNode update = message(groupId, languageCode, text);
        ObjectNode m = (ObjectNode) update.get("message");
        ((ObjectNode) m.get("chat")).put("type", "group").put("title", "Team").remove("first_name");
        m.set("from", user(userId, languageCode));
        return update;
    }

    /** A message without text: a "photo", a "sticker" or a "voice" message. */
    synchronized ObjectNode media(long chatId, String languageCode, String kind) {
        ObjectNode update = JSON.createObjectNode().put("update_id", UPDATE_IDS.getAndIncrement());
        ObjectNode m = update.putObject("message").put("message_id", nextMessageId++).put("date", Instant.now().getEpochSecond());
        m.set("chat", chat(chatId));
        m.set("from", user(chatId, languageCode));
        switch (kind) {
            case "photo" -> m.putArray("photo").addObject().put("file_id", "p1").put("file_unique_id", "u1")
                    .put("width", 90).put("height", 90).put("file_size", 1200);
            case "photo with a caption" -> {
                m.putArray("photo").addObject().put("file_id", "p2").put("file_unique_id", "u4")
                        .put("width", 90).put("height", 90).put("file_size", 1200);
                m.put("caption", "Deze brief van school snap ik niet.");
            }
            case "sticker" -> m.putObject("sticker").put("file_id", "s1").put("file_unique_id", "u2").put("type", "regular")
                    .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
            case "voice" -> m.putObject("voice").put("file_id", "v1").put("file_unique_id", "u3").put("duration", 4)
                    .put("mime_type", "audio/ogg").put("file_size", 9000);
            default -> throw new IllegalArgumentException(kind);
        }
        return update;
    }

    /**
     * A voice message of {@code seconds} with {@code audio} behind its file_id, as Telegram sends one: the file's
     * size in the message, the bytes fetched with getFile and a download from the file path.
     */
    synchronized ObjectNode voice(long chatId, String languageCode, int seconds, byte[] audio) {
        String fileId = "voice-" + nextFile++;
        files.put(fileId, audio);
        ObjectNode update = JSON.createObjectNode().put("update_id", UPDATE_IDS.getAndIncrement());
        ObjectNode m = update.putObject("message").put("message_id", nextMessageId++).put("date", Instant.now().getEpochSecond());
        m.set("chat", chat(chatId));
        m.set("from", user(chatId, languageCode));
        m.putObject("voice").put("file_id", fileId).put("file_unique_id", "u-" + fileId).put("duration", seconds)
                .put("mime_type", "audio/ogg").put("file_size", audio.length);
        return update;
    }

    /** A message with a document (a PDF, say): no text, no voice. */
    synchronized ObjectNode document(long chatId, String languageCode) {
        ObjectNode update = JSON.createObjectNode().put("update_id", UPDATE_IDS.getAndIncrement());
        ObjectNode m = update.putObject("message").put("message_id", nextMessageId++).put("date", Instant.now().getEpochSecond());
        m.set("chat", chat(chatId));
        m.set("from", user(chatId, languageCode));
        m.putObject("document").put("file_id", "d1").put("file_unique_id", "u4").put("file_name", "brief.pdf")
                .put("mime_type", "application/pdf").put("file_size", 20000);
        return update;
    }

    /** The person changed the text of a message they sent earlier. */
    synchronized ObjectNode edit(long chatId, String languageCode, int messageId, String text) {
        ObjectNode update = JSON.createObjectNode().put("update_id", UPDATE_IDS.getAndIncrement());
        ObjectNode m = update.putObject("edited_message").put("message_id", messageId)
                .put("date", Instant.now().getEpochSecond() - 5).put("edit_date", Instant.now().getEpochSecond()).put("text", text);
        m.set("chat", chat(chatId));
        m.set("from", user(chatId, languageCode));
        return update;
    }

    synchronized ObjectNode tap(long chatId, String languageCode, int messageId, String data) {
        ObjectNode update = JSON.createObjectNode().put("update_id", UPDATE_IDS.getAndIncrement());
        ObjectNode q = update.putObject("callback_query").put("id", "cq-" + nextCallbackId++)
                .put("chat_instance", "instance").put("data", data);
        q.set("from", user(chatId, languageCode));
        ObjectNode m = q.putObject("message").put("message_id", messageId).put("date", Instant.now().getEpochSecond())
                .put("text", "...");
        m.set("chat", chat(chatId));
        return update;
    }

    /** Hands updates to the next getUpdates, in one batch. */
    synchronized void enqueue(ObjectNode... updates) {
        for (ObjectNode u : updates) {
            pending.add(u);
        }
        notifyAll();
    }

    /**
     * As if the bot had died before its next poll told Telegram it got these updates: they come again to the
     * next getUpdates, and handled-ness is counted afresh.
     */
    synchronized void unconfirm(ObjectNode... updates) {
        confirmedBelow = 0;
        enqueue(updates);
    }

    /** Waits until the bot polled past {@code updateId}: it handled it (the bot confirms only handled updates). */
    synchronized void awaitConfirmed(long updateId) {
        awaitCondition(() -> confirmedBelow > updateId, "update " + updateId + " to be handled");
    }

    // ---- scripting failures

    /** The next call of {@code method} fails with 429 and retry_after. */
    synchronized void tooManyRequestsNext(String method, int retryAfterSeconds) {
        failNext(method, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                + retryAfterSeconds + "\",\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}");
    }

    /** The next call of {@code method} fails as a proxy in front of Telegram does: 502 with an HTML page. */
    synchronized void badGatewayNext(String method) {
        failNext(method, 502, "<html><body>502 Bad Gateway</body></html>");
    }

    /** Every message to {@code chatId} (sent or edited) fails with 429 and retry_after, until {@link #recover}. */
    synchronized void tooManyRequestsFor(long chatId, int retryAfterSeconds) {
        slowChats.put(chatId, retryAfterSeconds);
    }

    /** Telegram is away: every call (getUpdates too) gets a proxy's 502, until {@link #recover}. */
    synchronized void down() {
        down = true;
    }

    /** Telegram is away for sending only: sendMessage and editMessageReplyMarkup get 502, until {@link #recover}. */
    synchronized void downForSending() {
        downForSending = true;
    }

    /** The next call of {@code method} is refused with a 400, as Telegram refuses what it will not do. */
    synchronized void refuseNext(String method, String description) {
        failNext(method, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: " + description + "\"}");
    }

    /**
     * The person of {@code chatId} blocks the bot: every message, file, change of buttons and deletion for the chat is
     * refused with 403, as Telegram refuses them, until {@link #unblockedBy}.
     */
    synchronized void blockedBy(long chatId) {
        blockedChats.add(chatId);
    }

    /** The person unblocks the bot: the chat takes messages again. */
    synchronized void unblockedBy(long chatId) {
        blockedChats.remove(chatId);
    }

    /** Messages to {@code chatId} are taken but not answered (the call is in flight) until {@link #releaseSending}. */
    synchronized void holdSendingTo(long chatId) {
        heldChats.add(chatId);
    }

    /** Files to {@code chatId} are taken but not answered (the upload is in flight) until {@link #releaseSending}. */
    synchronized void holdDocumentsTo(long chatId) {
        heldDocumentChats.add(chatId);
    }

    synchronized void releaseSending() {
        heldChats.clear();
        heldDocumentChats.clear();
        notifyAll();
    }

    synchronized void recover() {
        down = false;
        downForSending = false;
        slowChats.clear();
        notifyAll();
    }

    private void failNext(String method, int status, String body) {
        failures.computeIfAbsent(method.toLowerCase(), k -> new ArrayDeque<>()).add(new Failure(status, body));
    }

    // ---- what the bot did

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method.toLowerCase())).toList();
    }

    /** Requests Telegram would have refused (never the bot's fault when empty). */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    synchronized List<Sent> sentTo(long chatId) {
        return List.copyOf(sent.getOrDefault(chatId, List.of()));
    }

    synchronized List<Document> documentsTo(long chatId) {
        return List.copyOf(documents.getOrDefault(chatId, List.of()));
    }

    /** The ids of the chat's messages the bot had deleted (its own and the person's). */
    synchronized java.util.Set<Integer> deletedIn(long chatId) {
        return java.util.Set.copyOf(deleted.getOrDefault(chatId, java.util.Set.of()));
    }

    /** The bot's messages in the chat as the person sees them: sent and not deleted since. */
    synchronized List<Sent> visibleIn(long chatId) {
        java.util.Set<Integer> gone = deleted.getOrDefault(chatId, java.util.Set.of());
        return sent.getOrDefault(chatId, List.of()).stream().filter(m -> !gone.contains(m.messageId)).toList();
    }

    synchronized Sent lastSentTo(long chatId) {
        List<Sent> list = sent.getOrDefault(chatId, List.of());
        if (list.isEmpty()) {
            throw new AssertionError("nothing was sent to the chat");
        }
        return list.get(list.size() - 1);
    }

    /** Waits (up to {@code seconds}) until {@code done} holds; checked again after every call the bot makes. */
    synchronized void await(java.util.function.BooleanSupplier done, int seconds, String what) {
        awaitCondition(done, Duration.ofSeconds(seconds), what);
    }

    synchronized void awaitCall(Predicate<Call> wanted, String what) {
        awaitCondition(() -> calls.stream().anyMatch(wanted), what);
    }

    private void awaitCondition(java.util.function.BooleanSupplier done, String what) {
        awaitCondition(done, Duration.ofSeconds(30), what);
    }

    private void awaitCondition(java.util.function.BooleanSupplier done, Duration longest, String what) {
        long until = System.nanoTime() + longest.toNanos();
        while (!done.getAsBoolean()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    // ---- the server

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/file/")) {
                download(exchange, path);
                return;
            }
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                respond(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            JsonNode body = raw.length == 0 ? JSON.createObjectNode()
                    : type != null && type.startsWith("multipart/form-data") ? multipart(type, raw) : JSON.readTree(raw);
            Failure failure;
            synchronized (this) {
                calls.add(new Call(method, body, Instant.now(), exchange.getLocalAddress().getPort()));
                notifyAll();
                Deque<Failure> queued = failures.get(method);
                failure = queued == null ? null : queued.poll();
                boolean sending = method.equals("sendmessage") || method.equals("editmessagereplymarkup")
                        || method.equals("deletemessages");
                if (down || downForSending && sending) {
                    failure = new Failure(502, "<html><body>502 Bad Gateway</body></html>");
                } else if ((sending || method.equals("senddocument")) && blockedChats.contains(body.path("chat_id").asLong())) {
                    failure = new Failure(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
                } else if (sending && slowChats.containsKey(body.path("chat_id").asLong())) {
                    int after = slowChats.get(body.path("chat_id").asLong());
                    failure = new Failure(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                            + after + "\",\"parameters\":{\"retry_after\":" + after + "}}");
                }
            }
            synchronized (this) {
                while (failure == null && (method.equals("sendmessage") && heldChats.contains(body.path("chat_id").asLong())
                        || method.equals("senddocument") && heldDocumentChats.contains(body.path("chat_id").asLong()))) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            if (failure != null) {
                respond(exchange, failure.status(), failure.body());
                return;
            }
            try {
                JsonNode result = switch (method) {
                    case "getupdates" -> getUpdates(body);
                    case "deletewebhook", "setwebhook", "setmycommands" -> JSON.getNodeFactory().booleanNode(true);
                    case "sendmessage" -> sendMessage(body);
                    case "senddocument" -> sendDocument(body, type, raw);
                    case "editmessagereplymarkup" -> editMarkup(body);
                    case "deletemessages" -> deleteMessages(body);
                    case "answercallbackquery" -> answerCallback(body);
                    case "getfile" -> getFile(body);
                    default -> throw new Refusal(404, "Not Found: method not found");
                };
                ObjectNode ok = JSON.createObjectNode().put("ok", true);
                ok.set("result", result);
                respond(exchange, 200, JSON.writeValueAsString(ok));
            } catch (Refusal r) {
                respond(exchange, r.status, JSON.writeValueAsString(JSON.createObjectNode().put("ok", false)
                        .put("error_code", r.status).put("description", r.getMessage())));
            }
        }
    }

    private static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private Refusal refuse(String problem) {
        synchronized (this) {
            problems.add(problem);
        }
        return new Refusal(400, "Bad Request: " + problem);
    }

    private JsonNode getUpdates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        long holdMillis = Math.min(MAX_HOLD_MILLIS, body.path("timeout").asLong(0) * 1000);
        ArrayNode result = JSON.createArrayNode();
        synchronized (this) {
            confirmedBelow = Math.max(confirmedBelow, offset);
            pending.removeIf(u -> u.get("update_id").asLong() < offset);
            notifyAll();
            long until = System.nanoTime() + holdMillis * 1_000_000;
            while (pending.isEmpty() && System.nanoTime() < until) {
                try {
                    wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            pending.forEach(result::add);
        }
        return result;
    }

    /**
     * deleteMessages as Telegram takes it: 1 to 100 ids of one chat; ids it can't delete (unknown, or another chat's) are
     * passed over and the answer is still true.
     */
    private JsonNode deleteMessages(JsonNode body) {
        long chatId = body.path("chat_id").asLong();
        JsonNode ids = body.path("message_ids");
        if (!ids.isArray() || ids.isEmpty() || ids.size() > 100) {
            throw refuse("message_ids must hold 1 to 100 ids");
        }
        synchronized (this) {
            ids.forEach(id -> deleted.computeIfAbsent(chatId, k -> new java.util.HashSet<>()).add(id.asInt()));
            notifyAll();
        }
        return JSON.getNodeFactory().booleanNode(true);
    }

    private JsonNode sendMessage(JsonNode body) {
        long chatId = body.path("chat_id").asLong();
        String html = body.path("text").asText("");
        String text = visible(body);
        if (text.isEmpty()) {
            throw refuse("message text is empty");
        }
        if (text.length() > 4096) {
            throw refuse("message is too long (" + text.length() + ")");
        }
        JsonNode markup = body.get("reply_markup");
        checkMarkup(markup);
        synchronized (this) {
            Sent s = new Sent(chatId, nextMessageId++, html, text, markup);
            sent.computeIfAbsent(chatId, k -> new ArrayList<>()).add(s);
            notifyAll();
            return messageJson(s);
        }
    }

    /**
     * sendDocument as Telegram takes it: multipart, the file in the part named "document" or in the part that
     * "document" names with {@code attach://} (as the library sends it); not a URL or file_id.
     */
    private JsonNode sendDocument(JsonNode body, String type, byte[] raw) {
        long chatId = body.path("chat_id").asLong();
        if (type == null || !type.startsWith("multipart/form-data")) {
            throw refuse("sendDocument without a file upload");
        }
        Map.Entry<String, byte[]> file = filePart(type, raw, "document");
        String named = file == null ? "" : new String(file.getValue(), StandardCharsets.UTF_8);
        if (named.startsWith("attach://")) {
            // as Telegram takes it too: the field names another part that holds the file
            file = filePart(type, raw, named.substring("attach://".length()));
        }
        if (file == null || file.getValue().length == 0) {
            throw refuse("document is empty");
        }
        if (body.path("caption").asText("").length() > 1024) {
            throw refuse("caption is too long");
        }
        checkMarkup(body.get("reply_markup"));
        synchronized (this) {
            Document d = new Document(chatId, nextMessageId++, file.getKey(), file.getValue(), body.path("caption").asText(""));
            documents.computeIfAbsent(chatId, k -> new ArrayList<>()).add(d);
            notifyAll();
            ObjectNode m = JSON.createObjectNode().put("message_id", d.messageId()).put("date", Instant.now().getEpochSecond());
            m.set("chat", chat(chatId));
            m.putObject("document").put("file_id", "sent-" + d.messageId()).put("file_unique_id", "su-" + d.messageId())
                    .put("file_name", d.fileName()).put("file_size", d.bytes().length);
            return m;
        }
    }

    /** The bytes and file name of a multipart part named {@code field}, read byte for byte (a PDF is binary). */
    private static Map.Entry<String, byte[]> filePart(String contentType, byte[] raw, String field) {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length()).replace("\"", "");
        String bytes = new String(raw, StandardCharsets.ISO_8859_1);
        for (String part : bytes.split(java.util.regex.Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String headers = part.substring(0, split);
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
            if (name.find() && name.group(1).equals(field)) {
                java.util.regex.Matcher fileName = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
                String value = part.substring(split + 4);
                value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value;
                return Map.entry(fileName.find() ? fileName.group(1) : "", value.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return null;
    }

    private JsonNode editMarkup(JsonNode body) {
        long chatId = body.path("chat_id").asLong();
        int messageId = body.path("message_id").asInt();
        JsonNode markup = body.get("reply_markup");
        checkMarkup(markup);
        synchronized (this) {
            Sent s = sent.getOrDefault(chatId, List.of()).stream().filter(m -> m.messageId == messageId).findFirst()
                    .orElseThrow(() -> new Refusal(400, "Bad Request: message to edit not found"));
            boolean empty = markup == null || markup.path("inline_keyboard").isEmpty();
            if (!s.hasButtons() && empty || markup != null && markup.equals(s.markup)) {
                throw new Refusal(400, "Bad Request: message is not modified");
            }
            s.markup = empty ? null : markup;
            return messageJson(s);
        }
    }

    private synchronized JsonNode getFile(JsonNode body) {
        String fileId = body.path("file_id").asText("");
        byte[] file = files.get(fileId);
        if (file == null) {
            throw new Refusal(400, "Bad Request: invalid file_id");
        }
        return JSON.createObjectNode().put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                .put("file_size", file.length).put("file_path", "voice/" + fileId + ".oga");
    }

    /** A file as Telegram serves it: /file/bot<token>/<file_path>; a wrong token or path gets 404. */
    private void download(HttpExchange exchange, String path) throws IOException {
        String prefix = "/file/bot" + token + "/voice/";
        byte[] file = null;
        synchronized (this) {
            calls.add(new Call("download", JSON.createObjectNode().put("path", path.startsWith(prefix) ? "voice/…" : "?"), Instant.now(), exchange.getLocalAddress().getPort()));
            if (path.startsWith(prefix) && path.endsWith(".oga")) {
                file = files.get(path.substring(prefix.length(), path.length() - ".oga".length()));
            }
            notifyAll();
        }
        if (file == null) {
            respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, file.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(file);
        }
    }

    private JsonNode answerCallback(JsonNode body) {
        if (body.path("callback_query_id").asText("").isEmpty()) {
            throw refuse("callback_query_id is empty");
        }
        if (body.path("text").asText("").length() > 200) {
            throw refuse("notice over 200 characters");
        }
        return JSON.getNodeFactory().booleanNode(true);
    }

    private String visible(JsonNode body) {
        String html = body.path("text").asText("");
        if (!"HTML".equals(body.path("parse_mode").asText(""))) {
            return html;
        }
        try {
            return TelegramHtmlCheck.visibleText(html);
        } catch (TelegramHtmlCheck.Refused e) {
            throw refuse(e.getMessage());
        }
    }

    private void checkMarkup(JsonNode markup) {
        if (markup == null || !markup.has("inline_keyboard")) {
            return;
        }
        for (JsonNode row : markup.get("inline_keyboard")) {
            for (JsonNode button : row) {
                int bytes = button.path("callback_data").asText("").getBytes(StandardCharsets.UTF_8).length;
                if (bytes < 1 || bytes > 64) {
                    throw refuse("BUTTON_DATA_INVALID (" + bytes + " bytes)");
                }
                if (button.path("text").asText("").isBlank()) {
                    throw refuse("button text is empty");
                }
            }
        }
    }

    private static JsonNode messageJson(Sent s) {
        ObjectNode m = JSON.createObjectNode().put("message_id", s.messageId).put("date", Instant.now().getEpochSecond())
                .put("text", s.text);
        m.set("chat", chat(s.chatId));
        if (s.markup != null) {
            m.set("reply_markup", s.markup);
        }
        return m;
    }

    private static ObjectNode chat(long chatId) {
        return JSON.createObjectNode().put("id", chatId).put("type", "private").put("first_name", "Test");
    }

    private static ObjectNode user(long chatId, String languageCode) {
        ObjectNode u = JSON.createObjectNode().put("id", chatId).put("is_bot", false).put("first_name", "Test");
        if (languageCode != null) {
            u.put("language_code", languageCode);
        }
        return u;
    }

    /** The text fields of a multipart/form-data body (setWebhook comes that way). */
    private static ObjectNode multipart(String contentType, byte[] raw) {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length()).replace("\"", "");
        ObjectNode fields = JSON.createObjectNode();
        for (String part : new String(raw, StandardCharsets.UTF_8).split(java.util.regex.Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(part);
            if (split > 0 && name.find() && name.start() < split) {
                String value = part.substring(split + 4);
                fields.put(name.group(1), value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
            }
        }
        return fields;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        synchronized (this) {
            otherDoors.forEach(door -> door.stop(0));
        }
        executor.shutdownNow();
    }
}
