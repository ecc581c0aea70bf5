import http from 'node:http';
import { readFileSync } from 'node:fs';
import { RestartableServer } from '../lib/restartable-server';
import * as soap from 'soap';
import { PROVINCE_CODES } from '../../platform/identifiers';
import { sameName } from './port';
import { WSDL_PATH } from './wsdl';

/**
 * A stand-in for the national population database: a real SOAP server (the `soap` package) on
 * our WSDL, holding a generated population with valid ids and Vietnamese names. Knobs for
 * tests: `latencyMs` (slow, or past the client's timeout), `faultNext` (answer with SOAP faults),
 * and stop()/start() for an outage. `calls` counts the requests that reached the service.
 */
export interface SimCitizen {
  personalId: string;
  fullName: string;
  dateOfBirth: string;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = { male: ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Công', 'Xuân'], female: ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Bích', 'Kim', 'Thùy'] };
const GIVEN = {
  male: ['An', 'Bình', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Minh', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tuấn', 'Việt', 'Đạt', 'Thắng'],
  female: ['Anh', 'Chi', 'Giang', 'Hà', 'Hạnh', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Phương', 'Quỳnh', 'Thảo', 'Trang', 'Vy', 'Yến'],
};

/** Deterministic population: the same seed always gives the same citizens. */
export function generatePopulation(count: number, seed = 20261126): SimCitizen[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const provinces = Object.keys(PROVINCE_CODES);
  const people = new Map<string, SimCitizen>();
  while (people.size < count) {
    const female = rand() < 0.5;
    const sex = female ? 'female' : 'male';
    const year = 1950 + Math.floor(rand() * 58);
    const day = new Date(Date.UTC(year, 0, 1) + Math.floor(rand() * 365) * 86_400_000).toISOString().slice(0, 10);
    const century = Math.floor((year - 1900) / 100) * 2 + (female ? 1 : 0);
    const personalId = `${pick(provinces)}${century}${String(year % 100).padStart(2, '0')}${String(Math.floor(rand() * 1e6)).padStart(6, '0')}`;
    people.set(personalId, { personalId, fullName: `${pick(FAMILY)} ${pick(MIDDLE[sex])} ${pick(GIVEN[sex])}`, dateOfBirth: day });
  }
  return [...people.values()];
}

export async function startPopulationSimulator(opts: { citizens?: SimCitizen[]; port?: number } = {}) {
  const citizens = new Map((opts.citizens ?? generatePopulation(5000)).map((c) => [c.personalId, c]));
  const knobs = { latencyMs: 0, faultNext: 0 };
  const stats = { calls: 0 };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const service = {
    XacThucCongDanService: {
      XacThucCongDanPort: {
        XacThucCongDan: async (args: { SoDinhDanh: string; HoVaTen: string; NgaySinh: string | Date }) => {
          stats.calls++;
          await sleep(knobs.latencyMs);
          if (knobs.faultNext > 0) {
            knobs.faultNext--;
            throw { Fault: { faultcode: 'soap:Server', faultstring: 'He thong dang ban, vui long thu lai' } };
          }
          const c = citizens.get(String(args.SoDinhDanh));
          if (!c) return { KetQua: 'KHONG_TIM_THAY' };
          if (!sameName(c.fullName, String(args.HoVaTen))) return { KetQua: 'KHONG_KHOP', TruongKhongKhop: 'HoVaTen' };
          // The soap package parses xsd:date into a Date at UTC midnight.
          const born = args.NgaySinh instanceof Date ? args.NgaySinh.toISOString() : String(args.NgaySinh);
          if (c.dateOfBirth !== born.slice(0, 10)) return { KetQua: 'KHONG_KHOP', TruongKhongKhop: 'NgaySinh' };
          return { KetQua: 'KHOP' };
        },
      },
    },
  };
  const wsdl = readFileSync(WSDL_PATH, 'utf8');
  const server = new RestartableServer(() => {
    const s = http.createServer();
    soap.listen(s, '/dancu', service, wsdl);
    return s;
  }, opts.port);
  await server.start();
  return { get endpoint() { return `http://127.0.0.1:${server.port}/dancu`; }, citizens, knobs, stats, start: () => server.start(), stop: () => server.stop() };
}
