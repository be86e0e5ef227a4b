import { createLiveCallbackRouter } from '@tokenwire/live-config';
import { rooms, wallet } from './app-services.js';

// One handler per command. Each must answer within the deadline (1.5 s of Tencent's 2 s); a gift handler that
// is late refuses the gift, as Tencent does by default.
export const router = createLiveCallbackRouter()
  .on('Live.CallbackBeforeSendGift', async (event, { signal }) => {
    const { From_Account: sender, Coins: coins = 0, Count: count = 1 } = event.body.GiftWater ?? {};
    if (sender === undefined || !(await wallet.reserve(sender, coins * count, { signal }))) {
      return { kind: 'refuse', errorCode: 1001, errorInfo: 'not enough coins' };
    }
    return { kind: 'accept' };
  })
  .on('Live.CallbackAfterDestroyRoom', (event) => {
    // Not awaited: the answer does not depend on it.
    rooms.remove(event.body.RoomId).catch((error) => console.error('room clean-up failed', error));
  })
  .otherwise((event) => {
    // A command without a handler, one tokenwire does not know yet, or a known one whose body changed: accepted.
    if (!event.known && event.shapeIssues !== undefined) console.warn(`${event.command} body changed: ${event.shapeIssues}`);
  });
