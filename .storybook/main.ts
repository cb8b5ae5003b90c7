import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // No network here or on CI: telemetry only slows builds down reaching for it.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
