import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig, Public } from '#core';
import {
  cookieOptions,
  parseCookies,
  secureCookies,
  STYLESHEET_COOKIE,
  YEAR_MS,
} from '../http/cookies.js';
import { ALL_STYLESHEETS, ASSETS_BY_NAME } from './bundle.js';
import { withStylesheet } from './held-stylesheets.js';

@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  private readonly secure: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secure = secureCookies(config.publicUrl);
  }

  @Get(':name')
  serve(@Param('name') name: string, @Req() req: Request, @Res() res: Response): void {
    const asset = ASSETS_BY_NAME.get(name);
    if (!asset) throw new NotFoundException('No such asset');
    // This browser now holds this stylesheet: its next pages link it rather than carry it.
    // Set here and not on the page that asked for it, since a browser that never fetched
    // it (Safari ignores rel=prefetch) keeps getting it inline instead of a second round trip.
    if (ALL_STYLESHEETS.includes(asset)) {
      const held = parseCookies(req.headers.cookie)[STYLESHEET_COOKIE];
      res.cookie(
        STYLESHEET_COOKIE,
        withStylesheet(held, asset),
        cookieOptions(this.secure, YEAR_MS),
      );
    }
    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.send(asset.body);
  }
}
