// Accounts in the end-to-end tests: the first start (the ward's name and the first
// administrator) and the sign-in screen, filled the way an officer does.
import { KEY } from './webdriver.mjs';

export const ADMIN = { login: 'quantri', name: 'Quản trị viên', password: 'matkhau-123' };

/**
 * Answer the first-start dialog: the ward's name, the administrator "quantri" (also an
 * officer, as ticked by default; also a leader with `leader`), then an empty register or
 * the sample data (`sample`), or, for a register that holds records already (`records`),
 * its one button; and wait for the screens.
 */
export async function firstStart(s, { unit, sample = false, leader = false, records = false } = {}) {
  await s.byName('Bắt đầu sử dụng');
  await s.type('Tên đơn vị', unit);
  await s.type('Tên đăng nhập', ADMIN.login);
  await s.type('Họ và tên', ADMIN.name);
  await s.type('Mật khẩu', ADMIN.password);
  await s.type('Nhập lại mật khẩu', ADMIN.password);
  const ticked = await s.execute(
    `const box = [...document.querySelectorAll('[aria-label="Bắt đầu sử dụng"] label')]
       .find((l) => l.textContent.trim() === 'Lãnh đạo')?.querySelector('input');
     return box ? box.checked : null;`,
  );
  if (ticked === null) throw new Error('no "Lãnh đạo" box in the first-start dialog');
  if (ticked !== leader) await s.click('Lãnh đạo');
  if (sample) {
    await s.click('Nạp dữ liệu mẫu');
    await s.waitFor(
      'the sample data',
      async () =>
        s.execute(`return [...document.querySelectorAll('[role=status]')]
          .some((e) => e.textContent.includes('Đã nạp dữ liệu mẫu'));`),
      60000,
    );
    await s.click('Vào Tổng quan');
  } else {
    await s.click(records ? 'Tạo tài khoản và bắt đầu' : 'Bắt đầu với sổ trống');
  }
  await s.waitFor('the screens', async () =>
    s.execute(`return document.querySelector('[aria-label="Bắt đầu sử dụng"]') === null
      && document.querySelector('[data-testid="user-name"]') !== null;`),
  );
}

/** Sign in at the sign-in screen (Enter in the password submits) and wait for the screens. */
export async function signIn(s, login, password) {
  await s.byName('Đăng nhập');
  await s.type('Tên đăng nhập', login);
  await s.type('Mật khẩu', password);
  await s.keys('Mật khẩu', KEY.enter);
  await s.waitFor(`signed in as ${login}`, async () =>
    s.execute(`return document.querySelector('section[aria-label="Đăng nhập"]') === null
      && document.querySelector('[data-testid="user-name"]') !== null;`),
  );
}
