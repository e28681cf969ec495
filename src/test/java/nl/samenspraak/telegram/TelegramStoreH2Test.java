package nl.samenspraak.telegram;

import nl.samenspraak.support.SharedService;

@SharedService
class TelegramStoreH2Test extends TelegramStoreContract {
}
