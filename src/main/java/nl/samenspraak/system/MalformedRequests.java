package nl.samenspraak.system;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.MediaType;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import nl.samenspraak.flow.FlowLibrary;
import nl.samenspraak.i18n.Translations;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Requests no route should see, answered before routing with the status that names the problem and a message in
 * the client's language: 414 for a request line too long, 431 for headers too large, 505 for an HTTP version other
 * than 1.0 and 1.1, 400 for a path or query with control characters (a NUL in a conversation id, say) or bytes that
 * are not UTF-8. The framework would answer 413 to the first two and serve {@code HTTP/9.9} as if it were 1.1. The
 * requests that pass have their language and charset preferences tidied ({@link PreferenceHeaders}). A refusal is
 * JSON for the API and a client that prefers JSON, else the error page ({@link RefusalPages}, the web's error page): a person who follows a
 * broken link to a page reads it in words, not as a line of code ({@link RefusalWords.Reader#of}). (A multipart
 * body whose header cannot be read is refused later, after routing and the login, in a page's or the API's words:
 * {@link UnreadableMultipartTypes}.)
 */
@Singleton
class MalformedRequests implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private final RequestLanguage languages;
    private final Translations translations;
    private final RefusalPages pages;

    MalformedRequests(RequestLanguage languages, FlowLibrary library, RefusalPages pages) {
        this.languages = languages;
        this.translations = library.translations();
        this.pages = pages;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? new Connection(channel) : this;
            }
        });
        return event.getBean();
    }

    private final class Connection implements NettyServerCustomizer {
        private final Channel channel;

        Connection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "samenspraak-malformed",
                        new Check());
            }
        }
    }

    /** One per connection: refuses a malformed request and drops the rest of it. */
    private final class Check extends ChannelInboundHandlerAdapter {
        private boolean dropping;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                HttpResponseStatus refusal = refusal(request);
                if (refusal != null) {
                    // headers too large (431): the request line was read, and the headers before the one too large
                    // (a browser sends Accept and Accept-Language before its cookies); a request line too long (414)
                    // leaves nothing to go by, and is answered in Dutch JSON as the API would
                    boolean lineRead = request.decoderResult().isSuccess()
                            || request.decoderResult().cause() instanceof TooLongHttpHeaderException;
                    String language = lineRead ? language(request) : null;
                    RefusalWords.Reader reader = lineRead && (request.decoderResult().isSuccess()
                            || request.headers().contains(HttpHeaderNames.ACCEPT)) ? reader(request) : RefusalWords.Reader.API;
                    ReferenceCountUtil.release(msg);
                    dropping = !(msg instanceof LastHttpContent);
                    refuse(ctx, refusal, language, reader);
                    return;
                }
                PreferenceHeaders.tidy(request.headers());
            } else if (dropping && msg instanceof HttpContent content) {
                dropping = !(content instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        private HttpResponseStatus refusal(HttpRequest request) {
            DecoderResult result = request.decoderResult();
            if (result.isFailure()) {
                if (result.cause() instanceof TooLongHttpLineException) {
                    return HttpResponseStatus.REQUEST_URI_TOO_LONG;
                }
                if (result.cause() instanceof TooLongHttpHeaderException) {
                    return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                }
                return HttpResponseStatus.BAD_REQUEST;
            }
            HttpVersion version = request.protocolVersion();
            if (version.majorVersion() != 1 || version.minorVersion() > 1) {
                return HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED;
            }
            return readableAddress(request.uri()) ? null : HttpResponseStatus.BAD_REQUEST;
        }

        /**
         * The address's {@code ?lang=} when the service speaks it, else the browser's (for headers too large, as far as
         * they were read: the header just before the one too large is lost with it, as Netty adds a header when it
         * reads the next line).
         */
        private String language(HttpRequest request) {
            return translations.known(askedLanguage(request.uri()))
                    .orElseGet(() -> languages.fromHeader(request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE)));
        }

        private RefusalWords.Reader reader(HttpRequest request) {
            String uri = request.uri();
            int query = uri.indexOf('?');
            List<MediaType> accept;
            try {
                accept = MediaType.orderedOf(request.headers().getAll(HttpHeaderNames.ACCEPT));
            } catch (IllegalArgumentException e) {
                accept = List.of();
            }
            return RefusalWords.Reader.of(query < 0 ? uri : uri.substring(0, query), accept);
        }

        private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String language, RefusalWords.Reader reader) {
            String key = switch (status.code()) {
                case 414 -> "error.uri_too_long";
                case 431 -> "error.headers_too_large";
                case 505 -> "error.http_version";
                default -> "error.bad_address";
            };
            boolean page = reader == RefusalWords.Reader.PAGE;
            byte[] body = (page ? pages.refusal(language, status.code(), key)
                    // with its code as every API refusal has it (api.ApiError): the key's last part
                    : "{\"code\":\"" + key.substring(key.indexOf('.') + 1) + "\",\"error\":"
                    + jsonString(translations.message(translations.languageOrSource(language).code(), key)) + "}").getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, page ? "text/html;charset=utf-8" : "application/json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            if (page) {
                // before routing, so SecurityHeaders' filter never sees it: the page carries its headers here
                pages.headers().forEach(response.headers()::set);
                response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            }
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * The address's first {@code lang=}, read on its own: the address as a whole may not decode (the 400 for a bad
     * escape elsewhere in it), and the person who followed a link with {@code ?lang=ar} should read why in Arabic,
     * not in their browser's language.
     */
    static String askedLanguage(String uri) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : uri.substring(query + 1).split("&")) {
            if (pair.startsWith("lang=")) {
                try {
                    return QueryStringDecoder.decodeComponent(pair.substring("lang=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Whether the path and query decode to UTF-8 text without control characters. */
    static boolean readableAddress(String uri) {
        String decoded;
        try {
            decoded = QueryStringDecoder.decodeComponent(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (Character.isISOControl(c) || c == '\uFFFD') {
                return false;
            }
        }
        return true;
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
