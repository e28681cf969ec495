package nl.samenspraak.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.samenspraak.cluster.Leadership;
import nl.samenspraak.conversation.ResumeByCode;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Language;
import nl.samenspraak.i18n.TextRenderer;
import nl.samenspraak.storage.DatabaseAvailability;
import nl.samenspraak.team.Teams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Switches the Telegram channel on when the service starts: off without a bot token (and says so), by
 * webhook when a webhook secret is set too, else by long polling. Registers the commands with their
 * descriptions in every language, and hands every update to {@link TelegramBot} through a
 * {@link ChatQueue}, so one chat's updates are handled in order. An update is acknowledged once its answer
 * and its replies are stored; the replies reach Telegram through the {@link OutboxSender}.
 *
 * <p>Of several instances on one database, only the {@link Leadership leader} polls (two pollers would each take
 * some of a chat's updates, out of order); when it stops or dies another one takes over within seconds and is
 * given what was not yet confirmed, which {@link SeenUpdates} lets through once. Webhook updates any instance takes.
 */
@Singleton
public class TelegramChannel implements ApplicationEventListener<ServerStartupEvent>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);
    private static final List<String> UPDATES = List.of("message", "edited_message", "callback_query");
    /** How long one update may take before a poll or a webhook request stops waiting for it. */
    private static final Duration UPDATE_WAIT = Duration.ofSeconds(120);
    private static final int WORKERS = 4;
    /** How long a leader that steps down waits for the batch it is handling before the next leader may poll. */
    private static final Duration HANDOVER = Duration.ofSeconds(10);

    private final TelegramSettings settings;
    private final BotUseCases useCases;
    private final FlowLibrary library;
    private final TextRenderer renderer;
    private final Chats chats;
    private final SeenUpdates seen;
    private final ChatLock chatLock;
    private final ResumeByCode resumeByCode;
    private final Teams teams;
    private final TelegramLinks links;
    private final Outbox outbox;
    private final Leadership leadership;
    private final VoiceLimits voiceLimits;
    private final nl.samenspraak.pdf.ResultPdf resultPdf;
    private final nl.samenspraak.system.PublicUrlSettings publicUrl;
    private final nl.samenspraak.conversation.ResultHandOvers handOvers;
    private final DatabaseAvailability availability;
    private final nl.samenspraak.conversation.ConversationSettings conversationSettings;
    private final ChatMessages messages;
    private final MadeFiles madeFiles;

    private volatile TelegramBot bot;
    private OutboxSender delivery;
    private ChatQueue queue;
    private ScheduledExecutorService scheduler;
    private TelegramBotsLongPollingApplication polling;
    /** Whether this instance should poll now (it leads); a batch that comes after it stopped is left to the next leader. */
    private volatile boolean pollingWanted;
    /** Held while a polled batch is handled, so that stepping down waits for it. */
    private final java.util.concurrent.locks.ReentrantLock handling = new java.util.concurrent.locks.ReentrantLock();
    private volatile boolean closed;

    public TelegramChannel(TelegramSettings settings, BotUseCases useCases, FlowLibrary library,
                           TextRenderer renderer, Chats chats, SeenUpdates seen, ChatLock chatLock, ResumeByCode resumeByCode, Teams teams,
                           TelegramLinks links, Outbox outbox, VoiceLimits voiceLimits, Leadership leadership,
                           nl.samenspraak.pdf.ResultPdf resultPdf, nl.samenspraak.system.PublicUrlSettings publicUrl,
                           nl.samenspraak.conversation.ResultHandOvers handOvers,
                           nl.samenspraak.conversation.ConversationSettings conversationSettings,
                           DatabaseAvailability availability, ChatMessages messages, MadeFiles madeFiles) {
        this.availability = availability;
        this.madeFiles = madeFiles;
        this.messages = messages;
        this.handOvers = handOvers;
        this.conversationSettings = conversationSettings;
        this.resultPdf = resultPdf;
        this.publicUrl = publicUrl;
        this.voiceLimits = voiceLimits;
        this.links = links;
        this.leadership = leadership;
        this.outbox = outbox;
        this.settings = settings;
        this.useCases = useCases;
        this.library = library;
        this.renderer = renderer;
        this.chats = chats;
        this.seen = seen;
        this.chatLock = chatLock;
        this.resumeByCode = resumeByCode;
        this.teams = teams;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        start();
    }

    synchronized void start() {
        if (bot != null || closed) {
            return;
        }
        if (!settings.enabled()) {
            LOG.info("Telegram is off: TELEGRAM_BOT_TOKEN is not set");
            return;
        }
        OkHttpTelegramClient client = new OkHttpTelegramClient(settings.botToken(), settings.apiUrl());
        BotApiSender api = new BotApiSender(client, settings.attempts(), settings.firstRetryDelay());
        TelegramWords words = new TelegramWords(library, renderer);
        queue = new ChatQueue(WORKERS);
        WebResultLinks webLinks = new WebResultLinks(handOvers, publicUrl.url(), conversationSettings.zone());
        delivery = new OutboxSender(outbox, new BotApiSender(client, 1, settings.firstRetryDelay()), settings.firstRetryDelay(),
                settings.longestRetryDelay(), settings.outboxScanEvery(), WORKERS, availability::noteFailure, messages, settings.chatIds(),
                new ResultDocuments(useCases.readConversation, library, resultPdf, words, webLinks), madeFiles, chatLock);
        ReplySender sender = new ReplySender(new BotApiSender(client, 1, settings.firstRetryDelay()), outbox, delivery, words);
        VoiceDownloads voices = new VoiceDownloads(new BotApiSender(client, 2, settings.firstRetryDelay()), settings.apiUrl(),
                settings.botToken(), voiceLimits);
        bot = new TelegramBot(useCases, library, words, sender, chats, settings.chatIds(), seen, chatLock, resumeByCode, teams, links,
                voices, webLinks, messages);
        if (settings.webhookMode()) {
            LOG.info("Telegram is on: updates come in at POST /telegram/webhook");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telegram-poll");
            t.setDaemon(true);
            return t;
        });
        seen.prune(outbox.now().minus(SeenUpdates.KEPT));
        messages.prune();
        scheduler.execute(() -> connect(api, words));
    }

    /** Talks to Telegram in the background, so the service is up at once even when Telegram is slow or away. */
    private void connect(BotApiSender api, TelegramWords words) {
        Thread commands = new Thread(() -> registerCommands(api, words), "telegram-commands");
        commands.setDaemon(true);
        commands.start();
        if (settings.webhookMode()) {
            if (!settings.webhookUrl().isEmpty()) {
                boolean set = api.setWebhook(SetWebhook.builder().url(settings.webhookUrl())
                        .secretToken(settings.webhookSecret()).allowedUpdates(UPDATES).build());
                LOG.info(set ? "Telegram webhook registered" : "Telegram did not take the webhook address; see the log above");
            }
        } else {
            leadership.follow(new Leadership.Role() {
                @Override
                public void lead() {
                    pollingWanted = true;
                    scheduler.execute(() -> startPolling(Duration.ofSeconds(1)));
                }

                @Override
                public void stepDown() {
                    stopPolling();
                }
            });
        }
    }

    /**
     * Whether updates come in through the webhook. The server takes requests a moment before its start-up event
     * starts this channel: an update that arrives in that moment starts it (once, as the event would), instead of
     * being told that there is no webhook here.
     */
    boolean webhookMode() {
        if (!settings.webhookMode()) {
            return false;
        }
        if (bot == null) {
            start();
        }
        return bot != null;
    }

    boolean webhookSecretMatches(String given) {
        return settings.webhookSecretMatches(given);
    }

    /** Whether a failure is the database being unreachable (then noted, and logged once for the whole outage). */
    boolean isOutage(Throwable failure) {
        return availability != null && availability.noteFailure(failure);
    }

    /** Handles a webhook update now; throws when it failed, so Telegram delivers it again. */
    void handleNow(Update update) throws ExecutionException, InterruptedException, TimeoutException {
        dispatch(update).get(UPDATE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<Void> dispatch(Update update) {
        if (TelegramBot.namesNoChat(update)) {
            return CompletableFuture.completedFuture(null);
        }
        return queue.submit(TelegramBot.chatOf(update), () -> {
            try {
                bot.handle(update);
            } catch (RuntimeException e) {
                // an outage is logged once, by DatabaseAvailability, not again for every update it turns away
                if (!isOutage(e)) {
                    LOG.error("A Telegram update could not be handled", nl.samenspraak.system.LoggedFailure.of(e));
                }
                throw e;
            }
        });
    }

    /** The command menu with descriptions in each language (and Dutch for every other). */
    private void registerCommands(BotApiSender api, TelegramWords words) {
        for (Language language : words.languages()) {
            api.send(SetMyCommands.builder().commands(commands(words, language.code())).languageCode(language.code()).build());
        }
        api.send(SetMyCommands.builder().commands(commands(words, Language.SOURCE)).build());
    }

    /** The Dutch commands, then their English names with the same descriptions. */
    private static List<BotCommand> commands(TelegramWords words, String language) {
        List<BotCommand> all = new java.util.ArrayList<>(TelegramWords.COMMANDS.stream()
                .map(c -> new BotCommand(c, words.plain(language, "commands." + c))).toList());
        TelegramWords.COMMANDS.stream().filter(TelegramWords.ALIASES::containsKey)
                .forEach(c -> all.add(new BotCommand(TelegramWords.ALIASES.get(c), words.plain(language, "commands." + c))));
        return all;
    }

    /** Long polling; when Telegram can't be reached at first, tries again with growing pauses. */
    private synchronized void startPolling(Duration nextPause) {
        if (closed || !pollingWanted || polling != null) {
            return;
        }
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(ObjectMapper::new,
                new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> scheduler);
        try {
            app.registerBot(settings.botToken(), settings::apiUrl, this::getUpdates, new Consumer());
            polling = app;
            LOG.info("Telegram is on: long polling {}://{}:{}", settings.apiUrl().getSchema(), settings.apiUrl().getHost(),
                    settings.apiUrl().getPort());
        } catch (TelegramApiException e) {
            LOG.warn("Telegram can't be reached yet ({}); trying again in {} s", e.getMessage(), nextPause.toSeconds());
            Duration after = nextPause.multipliedBy(2).compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : nextPause.multipliedBy(2);
            scheduler.schedule(() -> startPolling(after), nextPause.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops polling because another instance is to poll: no further getUpdates, a batch still coming is left to the
     * next leader (it is not confirmed), and a batch being handled is finished first, for at most {@link #HANDOVER}.
     */
    private void stopPolling() {
        pollingWanted = false;
        synchronized (this) {
            if (polling != null) {
                try {
                    polling.close();
                } catch (Exception e) {
                    LOG.debug("closing Telegram polling", e);
                }
                polling = null;
                LOG.info("Telegram: this instance no longer polls");
            }
        }
        try {
            if (handling.tryLock(HANDOVER.toMillis(), TimeUnit.MILLISECONDS)) {
                handling.unlock();
            } else {
                LOG.warn("Telegram updates still being handled after {} s while handing polling over", HANDOVER.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next poll, reading its updates one at a time ({@link ReadableUpdates}). */
    private GetUpdates getUpdates(Integer lastReceived) {
        return new ReadableUpdates(lastReceived + 1, 100, settings.pollTimeoutSeconds(), UPDATES);
    }

    /**
     * Takes a batch of polled updates and returns when they are handled, so Telegram hears they arrived
     * (the next poll's offset) only after their answers are stored.
     */
    private final class Consumer implements LongPollingUpdateConsumer {
        @Override
        public void consume(List<Update> updates) {
            handling.lock();
            try {
                if (!pollingWanted) {
                    // polled just before this instance stepped down: unconfirmed, so the next leader gets them
                    return;
                }
                handle(updates);
            } finally {
                handling.unlock();
            }
        }

        private void handle(List<Update> updates) {
            CompletableFuture<?>[] all = updates.stream().map(TelegramChannel.this::dispatch).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(all).get(UPDATE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                // logged where it happened
            } catch (TimeoutException e) {
                LOG.warn("Telegram updates still being handled after {} s; polling on", UPDATE_WAIT.toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops polling first and finishes the batch in hand (so no update is half done), then the rest. */
    @PreDestroy
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stopPolling();
        synchronized (this) {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
            if (queue != null) {
                queue.close();
            }
            if (delivery != null) {
                delivery.close();
            }
        }
    }
}
